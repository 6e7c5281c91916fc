package dev.retort.spring;

/** Start-up refused: the database is not where the application's migrations say it must be. */
public class RetortStartupException extends RuntimeException {

    public RetortStartupException(String message) {
        super(message);
    }

    public RetortStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

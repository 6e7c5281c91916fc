package dev.retort;

/**
 * The root of every error Retort reports to a user: bad configuration, a broken revision graph, a failed
 * migration. Messages are complete sentences naming the culprit; the command line prints them as one
 * paragraph and exits with code 2.
 */
public class RetortException extends RuntimeException {

    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.retort.config;

import dev.retort.RetortException;

/** {@code retort.yaml} is missing, malformed, or refers to something that is not there. */
public class ConfigException extends RetortException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

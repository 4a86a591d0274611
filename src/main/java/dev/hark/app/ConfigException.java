package dev.hark.app;

/** A setting has a bad value; the message names the key. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}

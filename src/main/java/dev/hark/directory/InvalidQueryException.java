package dev.hark.directory;

/**
 * The search text cannot be sent to a directory (empty, or too long); the message is one
 * sentence for the user. The web layer answers it with 400, the CLI with exit code 2.
 */
public final class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}

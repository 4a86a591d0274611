package dev.hark.transcript.engine;

/** A speech model could not be found, fetched or verified; the message is for the user. */
public final class ModelException extends TranscriptionException {

    private final boolean retryable;

    public ModelException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ModelException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether trying again later could help (network trouble, a damaged transfer). */
    public boolean retryable() {
        return retryable;
    }
}

package dev.hark.transcript.engine;

/**
 * Speech-to-text failed for a reason other than the audio: a missing or broken model, an
 * engine error, a transcription service that refused or failed. The message is one plain
 * sentence for the user, such as "The transcription service rejected the API key."
 */
public class TranscriptionException extends Exception {

    private final boolean retryable;

    public TranscriptionException(String message) {
        this(message, false);
    }

    public TranscriptionException(String message, Throwable cause) {
        this(message, false, cause);
    }

    public TranscriptionException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public TranscriptionException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when trying again later may succeed (the service was busy or down); false for a bad key or bad audio. */
    public boolean retryable() {
        return retryable;
    }
}

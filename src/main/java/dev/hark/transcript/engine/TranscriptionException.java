package dev.hark.transcript.engine;

/** Speech to text failed for a reason other than the audio: a missing or broken model, an engine error. */
public class TranscriptionException extends Exception {

    public TranscriptionException(String message) {
        super(message);
    }

    public TranscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}

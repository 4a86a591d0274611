package dev.hark.transcript;

/**
 * A transcript that cannot be read. The message is one plain sentence for the user, such as
 * "Bad time 00:61:00 on line 12".
 */
public final class TranscriptException extends Exception {

    public TranscriptException(String message) {
        super(message);
    }

    public TranscriptException(String message, Throwable cause) {
        super(message, cause);
    }
}

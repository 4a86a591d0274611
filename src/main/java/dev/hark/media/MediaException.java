package dev.hark.media;

import java.io.IOException;

/**
 * Audio that cannot be read, or a decoder that cannot run. The message is one plain sentence
 * for the user; ffmpeg's own output goes to the log only. An {@link IOException}, so that
 * {@link PcmStream} can throw it from {@code read}.
 */
public final class MediaException extends IOException {

    /** Why, as a closed set. */
    public enum Reason {
        /** Damaged, or a format ffmpeg cannot decode. */
        UNREADABLE,
        /** A container without an audio track (an image, a video without sound, a web page). */
        NO_AUDIO,
        /** The file is not there. */
        NOT_FOUND,
        /** A network source that could not be reached or refused us; worth retrying. */
        UNREACHABLE,
        /** The bundled ffmpeg cannot run on this machine. */
        DECODER_UNAVAILABLE
    }

    private final Reason reason;

    public MediaException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MediaException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether trying again later could help. */
    public boolean retryable() {
        return reason == Reason.UNREACHABLE;
    }
}

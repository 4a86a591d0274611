package dev.hark.media;

/** A download attempt that failed, with one plain sentence and whether a retry could help. */
public final class DownloadException extends Exception {

    /** Why, as a closed set. */
    public enum Reason {
        /** 404 or 410: the publisher no longer has the file. */
        GONE(false),
        /** Another 4xx: the publisher refuses us (401, 403, 451 …). */
        REFUSED(false),
        /** Larger than the configured limit. */
        TOO_LARGE(false),
        /** The publisher sent an empty body. */
        EMPTY(false),
        /** The address in the feed is not a usable http(s) URL. */
        BAD_URL(false),
        /** 408, 429 or 5xx. */
        SERVER_ERROR(true),
        /** No connection, no answer in time. */
        UNREACHABLE(true),
        /** The body stopped coming, or the connection broke: the partial file is kept to resume. */
        CUT(true),
        /** What arrived does not add up to what the server declared: the partial file is dropped. */
        LENGTH_MISMATCH(true),
        /** The file could not be written. */
        DISK(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;

    public DownloadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable;
    }
}

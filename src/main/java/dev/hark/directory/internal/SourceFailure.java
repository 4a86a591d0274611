package dev.hark.directory.internal;

import dev.hark.directory.SourceError;
import dev.hark.directory.SourceResult;

import java.time.Duration;

/**
 * Asking a directory ended in one of the {@link SourceError} reasons. Thrown inside a client so
 * that a failure deep in a request or a parse ends the search of that directory at once; callers
 * only ever see the {@link SourceResult.Failed} it turns into.
 */
public final class SourceFailure extends Exception {

    private final SourceError error;
    private final String detail;

    public SourceFailure(SourceError error, String detail) {
        // No stack trace: this is an expected outcome, not a bug, and it is never logged with one.
        super(error.name() + (detail == null ? "" : " (" + detail + ")"), null, false, false);
        this.error = error;
        this.detail = detail;
    }

    /**
     * The failure an HTTP status other than 200 stands for.
     *
     * @param keyed      whether the request carried an API key, so that 401 and 403 mean the key was refused
     * @param retryAfter the Retry-After header, or null
     */
    public static SourceFailure forStatus(int status, boolean keyed, String retryAfter) {
        String http = "HTTP " + status;
        if (status == 401 || status == 403) {
            return keyed ? new SourceFailure(SourceError.REJECTED_KEY, null) : new SourceFailure(SourceError.REFUSED, http);
        }
        if (status == 429) {
            boolean seconds = retryAfter != null && retryAfter.strip().matches("\\d{1,6}");
            return new SourceFailure(SourceError.RATE_LIMITED, seconds ? "retry after " + retryAfter.strip() + " s" : http);
        }
        if (status >= 500 && status <= 599) {
            return new SourceFailure(SourceError.SERVER_ERROR, http);
        }
        return new SourceFailure(SourceError.REFUSED, http);
    }

    /** TIMEOUT with the limit as detail: "limit 5 s", or "limit 500 ms" under a second. */
    public static SourceFailure timeout(Duration limit) {
        boolean wholeSeconds = limit.toMillis() % 1000 == 0;
        return new SourceFailure(SourceError.TIMEOUT,
                "limit " + (wholeSeconds ? limit.toSeconds() + " s" : limit.toMillis() + " ms"));
    }

    public SourceError error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public SourceResult.Failed toResult(String sourceName) {
        return new SourceResult.Failed(sourceName, error, detail);
    }
}

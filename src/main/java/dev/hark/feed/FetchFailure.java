package dev.hark.feed;

/**
 * A fetch ended in one of the {@link FetchError} reasons. Thrown inside the fetcher so that a
 * failure deep in a redirect or a body read ends the fetch at once; callers only ever see the
 * {@link FetchResult.Failed} it turns into.
 */
final class FetchFailure extends Exception {

    private final FetchError error;
    private final String detail;

    FetchFailure(FetchError error, String detail) {
        // No stack trace: this is an expected outcome, not a bug, and it is never logged with one.
        super(error.label() + (detail == null ? "" : " (" + detail + ")"), null, false, false);
        this.error = error;
        this.detail = detail;
    }

    FetchError error() {
        return error;
    }

    FetchResult.Failed toResult() {
        return new FetchResult.Failed(error, detail);
    }
}

package dev.hark.feed;

/** What fetching a feed URL came to. */
public sealed interface FetchResult {

    /**
     * The server sent a body.
     *
     * @param finalUrl     the URL the body came from, after any redirects
     * @param permanentUrl the new address when every redirect on the way was permanent (301/308),
     *                     else null: the subscription should move there
     */
    record Fetched(byte[] body, String finalUrl, String permanentUrl, String etag, String lastModified,
                   String contentType) implements FetchResult {
    }

    /** 304: the cached copy is current. {@code permanentUrl} as in {@link Fetched}. */
    record NotModified(String permanentUrl) implements FetchResult {
    }

    /** 410: the publisher says the feed is gone for good. */
    record Gone() implements FetchResult {
    }

    /** Anything else; {@code detail} adds specifics (status code, limit) to the reason. */
    record Failed(FetchError error, String detail) implements FetchResult {

        /** One plain sentence for the user. */
        public String message() {
            return detail == null || detail.isBlank() ? error.label() : error.label() + " (" + detail + ")";
        }
    }
}

package dev.hark.chapters;

import dev.hark.feed.FetchResult;

import java.util.Set;

/**
 * What a failed fetch of a chapters file means: the fetcher's reasons speak of feeds, and only
 * some are worth a retry. Pure; thread-safe.
 */
final class ChapterFetchErrors {

    /** Statuses that say "later", unlike other 4xx answers. */
    private static final Set<String> TRY_LATER = Set.of("HTTP 408", "HTTP 425", "HTTP 429");

    private ChapterFetchErrors() {
    }

    /** True for trouble that may pass: the network, a busy or broken server. */
    static boolean retryable(FetchResult.Failed failed) {
        return switch (failed.error()) {
            case CONNECTION_FAILED, TIMEOUT, SERVER_ERROR, CONNECTION_LOST -> true;
            case HTTP_ERROR -> TRY_LATER.contains(failed.detail());
            default -> false;
        };
    }

    /** One plain sentence naming the file. */
    static String message(String url, FetchResult.Failed failed) {
        return switch (failed.error()) {
            case NOT_FOUND -> "The chapters file " + url + " was not found (404).";
            case NOT_A_FEED -> "The chapters address " + url + " serves a web page, not a chapters file.";
            case TOO_LARGE -> "The chapters file " + url + " is larger than the size limit.";
            case BAD_URL -> "The chapters address " + url + " is not a valid http(s) URL.";
            default -> "Could not fetch the chapters file " + url + ": " + lowerFirst(failed.message()) + ".";
        };
    }

    /** A sentence made fit to follow a colon. */
    static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}

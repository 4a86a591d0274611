package dev.hark.feed;

/**
 * The input is not a feed Hark can read. The message is one plain sentence for the user
 * (no stack trace, no parser jargon where it can be avoided).
 */
public final class FeedParseException extends Exception {

    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.hark.feed;

/**
 * A file could not be read as an OPML subscription list. The message is one plain sentence for
 * the user, with the line where that helps.
 */
public final class OpmlException extends Exception {

    public OpmlException(String message) {
        super(message);
    }

    public OpmlException(String message, Throwable cause) {
        super(message, cause);
    }
}

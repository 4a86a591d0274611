package dev.hark.chapters;

/**
 * A chapters file Hark cannot read. The message is one plain sentence for the user.
 */
public final class ChaptersException extends Exception {

    public ChaptersException(String message) {
        super(message);
    }

    public ChaptersException(String message, Throwable cause) {
        super(message, cause);
    }
}

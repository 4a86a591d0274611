package dev.hark.library;

/** The library cannot do what was asked; the message is one sentence for the user. */
public class LibraryException extends RuntimeException {

    public LibraryException(String message) {
        super(message);
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}

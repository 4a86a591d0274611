package dev.hark.library;

/** An id or name that matches nothing in the library. */
public final class NotFoundException extends LibraryException {

    public NotFoundException(String message) {
        super(message);
    }
}

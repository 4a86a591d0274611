package dev.hark.cli;

/** The user asked for something that cannot be done as asked; exit status 2. */
final class BadInputException extends Exception {

    BadInputException(String message) {
        super(message);
    }
}

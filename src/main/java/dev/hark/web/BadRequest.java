package dev.hark.web;

/** A request the server cannot act on as sent; 400 with the message. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }
}

package dev.hark.web.security;

/**
 * A new password or token name breaks a rule; the message says which, in one sentence.
 * The CLI shows it with exit status 2.
 */
public final class RejectedInputException extends RuntimeException {

    public RejectedInputException(String message) {
        super(message);
    }
}

package dev.hark.refresh;

/** A feed address was refused; the message is one sentence for the user. */
public final class SubscribeException extends Exception {

    public SubscribeException(String message) {
        super(message);
    }
}

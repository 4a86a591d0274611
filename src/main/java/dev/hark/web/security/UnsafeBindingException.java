package dev.hark.web.security;

/** The server would listen where other machines can reach it, with no password to keep them out. */
public final class UnsafeBindingException extends RuntimeException {

    public UnsafeBindingException(String host) {
        super("Hark is bound to " + host + ", which other machines can reach; set a password first with: "
                + "hark user set-password");
    }
}

package dev.hark.web.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/**
 * bcrypt password hashing. Passwords longer than bcrypt's 72 bytes are first reduced with
 * SHA-512 rather than cut off, so every character counts. Verification compares in constant
 * time (the library's {@code equalsConstantTime}); the cost is read from the stored hash.
 * Thread-safe.
 */
public final class PasswordHasher {

    /** About a quarter of a second per hash on a current CPU: slow for guessing, fine for a login. */
    public static final int DEFAULT_COST = 12;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;

    /** A hasher with cost 12. */
    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** A hasher with the given cost (4 to 31); tests use a low one to stay fast. */
    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, not " + cost);
        }
        this.cost = cost;
    }

    /** The bcrypt hash ({@code $2a$12$...}) of the password, with a fresh random salt. */
    public String hash(char[] password) {
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password);
    }

    /** Whether the password matches the hash; false for a hash that is not bcrypt. */
    public boolean verify(char[] password, String hash) {
        if (hash == null) {
            return false;
        }
        return BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password, hash).verified;
    }
}

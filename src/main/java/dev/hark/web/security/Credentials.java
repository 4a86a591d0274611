package dev.hark.web.security;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

/**
 * The owner's password, kept as a bcrypt hash in the {@code credentials} table. Hark has a
 * single user, "owner", so there is no user name to guess or enumerate. Thread-safe.
 */
public final class Credentials {

    public static final int MIN_PASSWORD_LENGTH = 8;

    private static final String OWNER = "owner";

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    // checked against when no password is set, so a login takes as long either way
    private volatile String decoy;

    public Credentials(Jdbi jdbi, PasswordHasher hasher) {
        this.jdbi = jdbi;
        this.hasher = hasher;
    }

    public boolean isPasswordSet() {
        return storedHash().isPresent();
    }

    /** Sets or replaces the password; at least {@value #MIN_PASSWORD_LENGTH} characters. */
    public void setPassword(char[] password, Instant now) {
        int length = new String(password).codePointCount(0, password.length);
        if (length < MIN_PASSWORD_LENGTH) {
            throw new RejectedInputException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        String hash = hasher.hash(password);
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO credentials (username, password_hash, updated_at) VALUES (?, ?, ?) "
                                + "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, "
                                + "updated_at = excluded.updated_at")
                .bind(0, OWNER)
                .bind(1, hash)
                .bind(2, now.toEpochMilli())
                .execute());
    }

    /** Whether the password is the owner's; always false (after the same work) when none is set. */
    public boolean verify(char[] password) {
        Optional<String> hash = storedHash();
        if (hash.isEmpty()) {
            hasher.verify(password, decoy());
            return false;
        }
        return hasher.verify(password, hash.get());
    }

    private Optional<String> storedHash() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT password_hash FROM credentials WHERE username = ?")
                .bind(0, OWNER)
                .mapTo(String.class)
                .findOne());
    }

    private String decoy() {
        String value = decoy;
        if (value == null) {
            value = hasher.hash(Tokens.random().toCharArray());
            decoy = value;
        }
        return value;
    }
}

package dev.hark.web.security;

import dev.hark.library.NotFoundException;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for scripts and apps, sent as {@code Authorization: Bearer hark_...}. A token is
 * {@code hark_} plus 32 random bytes in base64url; it is shown once, when created, and only
 * its SHA-256 is kept. Revoking deletes it. Thread-safe.
 */
public final class ApiTokens {

    public static final String PREFIX = "hark_";
    static final int MAX_NAME = 100;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

    /** A token as listed: never the secret. {@code lastUsed} is null for a token never used (to the nearest five minutes). */
    public record ApiToken(long id, String name, Instant created, Instant lastUsed) {
    }

    /** A token just made, with its secret, which cannot be shown again. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    private final Jdbi jdbi;

    public ApiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Makes a token named for what will use it (e.g. "phone", "backup script"). */
    public CreatedToken create(String name, Instant now) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new RejectedInputException("A token name needs 1 to " + MAX_NAME + " characters on one line.");
        }
        String secret = PREFIX + Tokens.random();
        long id = jdbi.withHandle(handle -> handle
                .createUpdate("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?)")
                .bind(0, cleanName)
                .bind(1, Tokens.sha256(secret))
                .bind(2, now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new CreatedToken(new ApiToken(id, cleanName, now, null), secret);
    }

    /** All tokens, oldest first. */
    public List<ApiToken> list() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT id, name, created_at, last_used_at FROM api_tokens ORDER BY id")
                .map((rs, ctx) -> token(rs))
                .list());
    }

    /** Deletes the token with this id and returns what it was. */
    public ApiToken revoke(long id) {
        return jdbi.inTransaction(handle -> {
            ApiToken token = handle.createQuery("SELECT id, name, created_at, last_used_at FROM api_tokens WHERE id = ?")
                    .bind(0, id)
                    .map((rs, ctx) -> token(rs))
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("No API token with id " + id
                            + "; see them with: hark user token list"));
            handle.createUpdate("DELETE FROM api_tokens WHERE id = ?").bind(0, id).execute();
            return token;
        });
    }

    /** The token this secret belongs to, noting its use; empty for anything else. */
    public Optional<ApiToken> authenticate(String secret, Instant now) {
        if (secret == null || !secret.startsWith(PREFIX) || !Tokens.looksRandom(secret.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(secret);
        Optional<ApiToken> found = jdbi.withHandle(handle -> handle
                .createQuery("SELECT id, name, created_at, last_used_at FROM api_tokens WHERE token_hash = ?")
                .bind(0, hash)
                .map((rs, ctx) -> token(rs))
                .findOne());
        if (found.isEmpty()) {
            return found;
        }
        ApiToken token = found.get();
        if (token.lastUsed() != null && token.lastUsed().plus(TOUCH_EVERY).isAfter(now)) {
            return found;
        }
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
                .bind(0, now.toEpochMilli())
                .bind(1, token.id())
                .execute());
        return Optional.of(new ApiToken(token.id(), token.name(), token.created(), now));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        long lastUsed = rs.getLong(4);
        Instant used = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed); // wasNull: the last column read
        return new ApiToken(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), used);
    }
}

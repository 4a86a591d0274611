package dev.hark.web.security;

import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Logged-in browser sessions in the {@code sessions} table. The browser holds a random
 * 256-bit token; the table holds its SHA-256. A session lives 30 days from its last use:
 * use slides the expiry forward, written at most every five minutes so that page loads do
 * not each cost a database write. Thread-safe.
 */
public final class SessionStore {

    public static final Duration LIFETIME = Duration.ofDays(30);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(5);
    private static final int MAX_USER_AGENT = 300;

    /**
     * A live session. {@code idHash} is the stored id (SHA-256 of the cookie value), safe to
     * log or derive other values from.
     */
    public record Session(String idHash, Instant created, Instant lastSeen, Instant expires, String userAgent) {

        /** Whether this session was created or had its expiry moved at {@code now}: time to resend the cookie. */
        public boolean renewedAt(Instant now) {
            return lastSeen.equals(now);
        }
    }

    /** A session just made, with the cookie value that is never stored. */
    public record NewSession(String token, Session session) {
    }

    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Starts a session; also drops sessions that have expired. */
    public NewSession create(String userAgent, Instant now) {
        String token = Tokens.random();
        String agent = userAgent == null ? null
                : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        Session session = new Session(Tokens.sha256(token), now, now, now.plus(LIFETIME), agent);
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM sessions WHERE expires_at <= ?").bind(0, now.toEpochMilli()).execute();
            handle.createUpdate("INSERT INTO sessions (id_hash, created_at, last_seen_at, expires_at, user_agent) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .bind(0, session.idHash())
                    .bind(1, now.toEpochMilli())
                    .bind(2, now.toEpochMilli())
                    .bind(3, session.expires().toEpochMilli())
                    .bind(4, agent)
                    .execute();
        });
        return new NewSession(token, session);
    }

    /** The live session for a cookie value, its expiry slid forward; empty when unknown or expired. */
    public Optional<Session> find(String token, Instant now) {
        if (!Tokens.looksRandom(token)) {
            return Optional.empty();
        }
        String idHash = Tokens.sha256(token);
        Optional<Session> found = jdbi.withHandle(handle -> handle
                .createQuery("SELECT id_hash, created_at, last_seen_at, expires_at, user_agent FROM sessions "
                        + "WHERE id_hash = ?")
                .bind(0, idHash)
                .map((rs, ctx) -> session(rs))
                .findOne());
        if (found.isEmpty()) {
            return found;
        }
        Session session = found.get();
        if (!session.expires().isAfter(now)) {
            revokeHash(idHash);
            return Optional.empty();
        }
        if (session.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
            return found;
        }
        Session renewed = new Session(idHash, session.created(), now, now.plus(LIFETIME), session.userAgent());
        jdbi.useHandle(handle -> handle
                .createUpdate("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?")
                .bind(0, now.toEpochMilli())
                .bind(1, renewed.expires().toEpochMilli())
                .bind(2, idHash)
                .execute());
        return Optional.of(renewed);
    }

    /** Ends the session with this cookie value, if there is one. */
    public void revoke(String token) {
        if (Tokens.looksRandom(token)) {
            revokeHash(Tokens.sha256(token));
        }
    }

    /** Ends every session (after a password change); returns how many there were. */
    public int revokeAll() {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sessions").execute());
    }

    /** How many sessions have not expired. */
    public int countLive(Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM sessions WHERE expires_at > ?")
                .bind(0, now.toEpochMilli())
                .mapTo(Integer.class)
                .one());
    }

    private void revokeHash(String idHash) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE id_hash = ?").bind(0, idHash).execute());
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5));
    }
}

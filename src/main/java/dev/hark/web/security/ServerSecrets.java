package dev.hark.web.security;

import org.jdbi.v3.core.Jdbi;

/**
 * Random keys the server makes on first use and keeps in {@code server_secrets}, so that
 * values derived from them (CSRF tokens) survive a restart. Two processes asking at once
 * get the same key: the first insert wins. Thread-safe.
 */
public final class ServerSecrets {

    private final Jdbi jdbi;

    public ServerSecrets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The 32-byte key with this name, made now if there is none yet. */
    public byte[] key(String name) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)")
                    .bind(0, name)
                    .bind(1, Tokens.randomBytes(32))
                    .execute();
            return handle.createQuery("SELECT value FROM server_secrets WHERE name = ?")
                    .bind(0, name)
                    .mapTo(byte[].class)
                    .one();
        });
    }
}

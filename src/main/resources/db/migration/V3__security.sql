-- Web security: the owner's password, browser sessions, API tokens and server-made keys.
-- Times are epoch millis. Secrets that let someone in (session ids, API tokens) are stored
-- only as SHA-256 hashes, so a copy of this file does not log anyone in.

-- Hark has one user, the owner; the CHECK keeps it to one row.
CREATE TABLE credentials (
    username      TEXT    PRIMARY KEY CHECK (username = 'owner'),
    password_hash TEXT    NOT NULL,   -- bcrypt, cost in the hash
    updated_at    INTEGER NOT NULL
);

-- Logged-in browsers. The cookie holds 256 random bits; expires_at slides 30 days ahead on use.
CREATE TABLE sessions (
    id_hash      TEXT    PRIMARY KEY, -- hex SHA-256 of the cookie value
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    user_agent   TEXT
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- Bearer tokens for scripts and apps; shown once at creation, revoked by deleting the row.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE, -- hex SHA-256 of the whole token, hark_ prefix included
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);

-- Random keys made once on first use and kept across restarts (e.g. 'csrf', the HMAC key
-- that CSRF tokens are derived with).
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

-- Subscriptions. Feed-supplied fields are overwritten on refresh; the rest is Hark's own state.
CREATE TABLE podcasts (
    id               INTEGER PRIMARY KEY,
    feed_url         TEXT    NOT NULL UNIQUE,
    title            TEXT,
    link             TEXT,
    description      TEXT,
    description_html TEXT,
    author           TEXT,
    image            TEXT,
    language         TEXT,
    podcast_guid     TEXT,
    feed_type        TEXT,
    explicit         INTEGER,
    locked           INTEGER NOT NULL DEFAULT 0,
    extras           TEXT,             -- JSON: funding, persons
    status           TEXT    NOT NULL DEFAULT 'ACTIVE', -- ACTIVE | GONE
    etag             TEXT,
    last_modified    TEXT,
    content_hash     TEXT,             -- SHA-256 of the last body read: same bytes, nothing to do
    added_at         INTEGER NOT NULL,
    last_checked_at  INTEGER,
    last_success_at  INTEGER,
    next_check_at    INTEGER NOT NULL DEFAULT 0,
    failure_count    INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT
);

-- Episodes as the feed last described them. User state lives in play_state so that a
-- refresh, which rewrites these rows, can never touch it.
CREATE TABLE episodes (
    id               INTEGER PRIMARY KEY,
    podcast_id       INTEGER NOT NULL REFERENCES podcasts (id) ON DELETE CASCADE,
    guid             TEXT,
    title            TEXT,
    published        INTEGER,
    duration         INTEGER,
    media_url        TEXT    NOT NULL,
    media_type       TEXT,
    media_length     INTEGER,
    link             TEXT,
    description      TEXT,
    description_html TEXT,
    image            TEXT,
    season           INTEGER,
    episode_number   INTEGER,
    episode_type     TEXT,
    explicit         INTEGER,
    chapters_url     TEXT,
    chapters_type    TEXT,
    extras           TEXT,             -- JSON: transcripts, persons, soundbites, funding, alternates
    feed_order       INTEGER,          -- position in the feed at the last refresh (0 = first)
    in_feed          INTEGER NOT NULL DEFAULT 1,
    first_seen_at    INTEGER NOT NULL,
    transcript_source TEXT             -- null, 'publisher' or the engine that made it
);
CREATE INDEX episodes_by_podcast_guid  ON episodes (podcast_id, guid);
CREATE INDEX episodes_by_podcast_media ON episodes (podcast_id, media_url);
CREATE INDEX episodes_by_published     ON episodes (published);

CREATE TABLE play_state (
    episode_id   INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    position     REAL    NOT NULL DEFAULT 0,
    played       INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);

-- The durable job queue. A running job holds a lease that its worker renews; a lease that
-- runs out (the process died) puts the job back in the queue.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    state        TEXT    NOT NULL,     -- queued | running | done | failed | cancelled
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_after    INTEGER NOT NULL,     -- epoch millis
    lease_until  INTEGER,
    progress     REAL,
    message      TEXT,
    result       TEXT,
    error        TEXT,
    created_at   INTEGER NOT NULL,
    started_at   INTEGER,
    finished_at  INTEGER
);
CREATE INDEX jobs_by_state ON jobs (state, run_after);
-- one live job per kind and subject: enqueueing the same work twice is a no-op
CREATE UNIQUE INDEX jobs_live_once ON jobs (kind, subject) WHERE state IN ('QUEUED', 'RUNNING');

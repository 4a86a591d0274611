-- Per-podcast playback settings. Absent row = defaults.
CREATE TABLE podcast_settings (
    podcast_id          INTEGER PRIMARY KEY REFERENCES podcasts (id) ON DELETE CASCADE,
    speed               REAL    NOT NULL DEFAULT 1.0,
    trim_silence        TEXT    NOT NULL DEFAULT 'off',   -- off | mild | strong
    voice_boost         INTEGER NOT NULL DEFAULT 0,
    skip_intro_seconds  INTEGER NOT NULL DEFAULT 0,
    skip_outro_seconds  INTEGER NOT NULL DEFAULT 0,
    auto_download       INTEGER NOT NULL DEFAULT 0,
    auto_download_count INTEGER NOT NULL DEFAULT 3
);

-- Up Next: episodes in play order.
CREATE TABLE up_next (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    position   REAL    NOT NULL
);
CREATE INDEX up_next_by_position ON up_next (position);

-- Seconds the listener did not have to sit through thanks to trimmed silences.
ALTER TABLE play_state ADD COLUMN time_saved REAL NOT NULL DEFAULT 0;
ALTER TABLE play_state ADD COLUMN started_at INTEGER;
CREATE INDEX play_state_by_updated ON play_state (updated_at);

-- Player-wide settings, as key and JSON value.
CREATE TABLE app_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

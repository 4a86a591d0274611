-- Media files on disk, one per episode, at media/<podcastId>/<episodeId>.<ext> in the data
-- folder. While a download runs or waits to resume, completed_at is NULL and the bytes so far
-- are in the same path + '.part'. A row goes with its episode; the file is removed by
-- eviction or DownloadRepository users, not by the database.
CREATE TABLE downloads (
    episode_id    INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    path          TEXT    NOT NULL,    -- relative to the media folder, e.g. '3/41.mp3'
    bytes         INTEGER NOT NULL DEFAULT 0,
    total_bytes   INTEGER,             -- the whole file's length as the server gave it, if it did
    media_type    TEXT,                -- the Content-Type the server sent
    etag          TEXT,                -- validators of the partial file: sent as If-Range to resume
    last_modified TEXT,
    started_at    INTEGER NOT NULL,    -- epoch millis
    updated_at    INTEGER NOT NULL,
    completed_at  INTEGER              -- NULL until the file is complete under its final name
);
CREATE INDEX downloads_by_completed ON downloads (completed_at);

-- Where an episode is silent: every silence of 0.35 s or more, as JSON [[start,end],...] in
-- seconds. Levels (mild, strong) are rules applied to this list, so one map serves them all.
CREATE TABLE silence_maps (
    episode_id   INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    duration     REAL    NOT NULL,     -- decoded length in seconds
    silences     TEXT    NOT NULL,
    noise_db     REAL,                 -- the levels the threshold came from, dBFS, for diagnosis
    speech_db    REAL,
    threshold_db REAL,
    computed_at  INTEGER NOT NULL
);

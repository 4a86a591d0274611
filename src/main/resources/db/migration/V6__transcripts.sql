-- One transcript per episode: the publisher's, or one made by a speech-to-text engine.
-- Saving one also sets episodes.transcript_source, in the same transaction.
CREATE TABLE transcripts (
    episode_id  INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    source      TEXT    NOT NULL,           -- 'publisher' or the engine that made it
    format      TEXT,                       -- what it was read from: json, vtt, srt, html, txt; null when made here
    language    TEXT,
    json        TEXT    NOT NULL,           -- the Transcript model (segments, speakers, word times) as JSON
    approximate INTEGER NOT NULL DEFAULT 0, -- 1 when some times were estimated (HTML or text with few time marks)
    created_at  INTEGER NOT NULL            -- epoch millis
);

-- An episode's chapters: from the publisher's chapters file, or from a timestamp list in the
-- show notes. One row per episode that was looked at; the list itself is JSON because it is
-- only ever read whole.
CREATE TABLE chapters (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    source     TEXT,              -- publisher-json | podlove | show-notes; null when there are none
    json       TEXT    NOT NULL,  -- [{"start","end","title","url","image","toc"}] sorted by start
    fetched_at INTEGER NOT NULL,  -- epoch millis
    -- the episode's chapters URL when the row was made (null: there was none, or it is still
    -- to be read): when the feed changes it, the chapters are looked at again
    url        TEXT,
    -- why the chapters file could not be used; kept so a dead link is not fetched on every refresh
    error      TEXT
);

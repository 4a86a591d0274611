-- What the AI made of an episode's transcript. Both tables remember which transcript they were
-- made from (its created_at), so a replaced transcript makes them stale rather than wrong.

-- One embedding per passage (the passages are cut from the transcript deterministically, so only
-- the vectors are stored): float32 little-endian, passage after passage.
CREATE TABLE passage_vectors (
    episode_id    INTEGER PRIMARY KEY REFERENCES episodes (id) ON DELETE CASCADE,
    transcript_at INTEGER NOT NULL,   -- transcripts.created_at of the transcript they were made from
    embedder      TEXT    NOT NULL,   -- e.g. all-minilm-l6-v2
    dimension     INTEGER NOT NULL,
    count         INTEGER NOT NULL,
    vectors       BLOB    NOT NULL,
    made_at       INTEGER NOT NULL    -- epoch millis
);

-- Summaries, generated chapters and mentions, cached per (episode, feature, method, prompt version)
-- so an extractive and an LLM result can sit side by side and a new prompt does not reuse old ones.
CREATE TABLE ai_results (
    episode_id     INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    feature        TEXT    NOT NULL,  -- summary | chapters | mentions
    method         TEXT    NOT NULL,  -- extractive:<embedder> | llm:<model>
    prompt_version INTEGER NOT NULL,
    transcript_at  INTEGER NOT NULL,
    json           TEXT    NOT NULL,
    notice         TEXT,              -- e.g. why the LLM was not used
    made_at        INTEGER NOT NULL,
    PRIMARY KEY (episode_id, feature, method, prompt_version)
);

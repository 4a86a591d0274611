-- Transcribe new episodes of this podcast automatically (when the publisher has no transcript).
ALTER TABLE podcast_settings ADD COLUMN auto_transcribe INTEGER NOT NULL DEFAULT 0;

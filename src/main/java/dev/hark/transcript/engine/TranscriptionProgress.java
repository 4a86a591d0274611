package dev.hark.transcript.engine;

/** Receives progress reports from a {@link SpeechToText} engine, on the transcribing thread. */
@FunctionalInterface
public interface TranscriptionProgress {

    TranscriptionProgress NONE = report -> { };

    void update(ProgressReport report);
}

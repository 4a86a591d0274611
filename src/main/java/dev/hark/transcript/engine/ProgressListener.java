package dev.hark.transcript.engine;

/** Told how far a transcription has got. Called on the transcribing thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = fraction -> { };

    /** @param fraction of the audio done, from 0 to 1 */
    void progress(double fraction);
}

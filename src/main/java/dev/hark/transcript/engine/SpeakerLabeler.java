package dev.hark.transcript.engine;

import dev.hark.library.Episode;
import dev.hark.media.AudioSource;
import dev.hark.transcript.Transcript;

/**
 * Names the speakers of a freshly made transcript before it is saved (turns from the audio,
 * names from the feed). The seam where speaker naming plugs into {@link TranscribeJob}.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SpeakerLabeler {

    /** Leaves every speaker null. */
    SpeakerLabeler NONE = (episode, audio, transcript) -> transcript;

    /**
     * @param audio what was transcribed (the downloaded file or the enclosure address), should
     *              the labeler want to listen again
     */
    Transcript label(Episode episode, AudioSource audio, Transcript transcript) throws InterruptedException;
}

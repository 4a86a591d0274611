package dev.hark.transcript;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of speech: usually a caption cue, a sentence or a speaker's paragraph.
 *
 * <p>Times are seconds from the start of the episode, rounded to the millisecond on
 * construction, so that every format Hark writes can hold them exactly and round trips
 * compare equal.
 *
 * @param speaker who speaks, or null when the source does not say (never blank)
 * @param text    what is said, on one line
 * @param words   word times where the source has them, else empty
 */
public record Segment(double start, double end, String speaker, String text, List<Word> words) {

    public Segment {
        start = seconds(start, "start");
        end = seconds(end, "end");
        if (end < start) {
            throw new IllegalArgumentException("a segment cannot end (" + end + ") before it starts (" + start + ")");
        }
        speaker = speaker == null || speaker.isBlank() ? null : speaker.strip();
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
    }

    public Segment(double start, double end, String speaker, String text) {
        this(start, end, speaker, text, List.of());
    }

    public double duration() {
        return end - start;
    }

    /** This segment with another speaker (null for none). */
    public Segment withSpeaker(String newSpeaker) {
        return new Segment(start, end, newSpeaker, text, words);
    }

    /** Checks and rounds a time to the millisecond. */
    static double seconds(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " must be a non-negative number of seconds, was " + value);
        }
        return Math.round(value * 1000.0) / 1000.0;
    }
}

package dev.hark.transcript;

import java.util.Objects;

/**
 * One word (or short run of words) with its own times, where the source has them.
 *
 * @param start seconds from the start of the episode, rounded to the millisecond
 * @param end   seconds, not before {@code start}
 */
public record Word(double start, double end, String text) {

    public Word {
        start = Segment.seconds(start, "start");
        end = Segment.seconds(end, "end");
        Objects.requireNonNull(text, "text");
        if (end < start) {
            throw new IllegalArgumentException("a word cannot end (" + end + ") before it starts (" + start + ")");
        }
    }
}

package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader collects while it reads: good segments, and a sentence for each cue it had to
 * skip. A reader skips a bad cue rather than failing the whole file, unless nothing is left.
 * Not thread-safe: one per read.
 */
final class Cues {

    private final List<Segment> segments = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    void add(Segment segment) {
        segments.add(segment);
    }

    void skip(String problem) {
        skipped.add(problem);
    }

    List<Segment> segments() {
        return segments;
    }

    /**
     * The result; throws when no segment could be read, with the first problem as the
     * message (or "The transcript has no cues" when there was nothing to read).
     */
    ReadResult finish(TranscriptFormat format, boolean approximate) throws TranscriptException {
        if (segments.isEmpty()) {
            if (skipped.isEmpty()) {
                throw new TranscriptException("The transcript has no cues");
            }
            String more = skipped.size() == 1 ? "" : ", and " + (skipped.size() - 1) + " more cues could not be read";
            throw new TranscriptException(skipped.getFirst() + more);
        }
        return new ReadResult(new Transcript(segments, approximate), format, skipped);
    }
}

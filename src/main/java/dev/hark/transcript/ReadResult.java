package dev.hark.transcript;

import java.util.List;

/**
 * A transcript as read, with what had to be left out.
 *
 * @param format  the format it was read as
 * @param skipped one plain sentence per cue (or time mark) that could not be read and was
 *                left out, e.g. "Bad time 00:61:00 on line 12"; empty when all was well
 */
public record ReadResult(Transcript transcript, TranscriptFormat format, List<String> skipped) {

    public ReadResult {
        skipped = List.copyOf(skipped);
    }

    public int skippedCount() {
        return skipped.size();
    }
}

package dev.hark.transcript;

import java.util.List;

/**
 * Reads WebVTT: the {@code WEBVTT} header (after an optional byte-order mark), cue identifiers,
 * cue settings, hours optional, multi-line cues (joined with a space), {@code NOTE}, {@code STYLE}
 * and {@code REGION} blocks (skipped), CRLF line ends, voice tags as the speaker
 * ({@code <v Name>}, {@code <v.loud Name>}) and inline timestamps as word times.
 *
 * <p>Speakers carry over: once a voice tag names a speaker, cues without one keep that speaker
 * until another tag names someone else. Buzzsprout, for one, tags only the cue where the
 * speaker changes. A file with no voice tags has no speakers.
 *
 * <p>A cue with a bad time, an end before its start, or text with no timing line is skipped
 * and reported in {@link ReadResult#skipped()}; cues with no text are dropped silently. Pure
 * and thread-safe.
 */
public final class VttReader {

    public ReadResult read(String content) throws TranscriptException {
        List<String> lines = Lines.of(content);
        if (lines.isEmpty() || !isHeader(lines.getFirst())) {
            throw new TranscriptException("This is not a WebVTT file: it does not start with WEBVTT");
        }
        Cues cues = new Cues();
        String speaker = null;
        int at = 1;
        // the header block runs to the first blank line (tolerating a cue that follows at once)
        while (at < lines.size() && !lines.get(at).isBlank() && !CueTiming.looksLikeTiming(lines.get(at))) {
            at++;
        }
        while (at < lines.size()) {
            if (lines.get(at).isBlank()) {
                at++;
                continue;
            }
            int blockStart = at;
            int blockEnd = at;
            while (blockEnd < lines.size() && !lines.get(blockEnd).isBlank()) {
                blockEnd++;
            }
            at = blockEnd;
            String first = lines.get(blockStart).strip();
            if (startsWithWord(first, "NOTE") || startsWithWord(first, "STYLE") || startsWithWord(first, "REGION")) {
                continue;
            }
            int timing = CueTiming.looksLikeTiming(first) ? blockStart
                    : blockStart + 1 < blockEnd && CueTiming.looksLikeTiming(lines.get(blockStart + 1)) ? blockStart + 1
                    : -1;
            if (timing < 0) {
                cues.skip("Text without a cue time on line " + (blockStart + 1));
                continue;
            }
            // a payload line with an arrow starts the next cue (a blank line was left out)
            int payloadEnd = timing + 1;
            while (payloadEnd < blockEnd && !CueTiming.looksLikeTiming(lines.get(payloadEnd))) {
                payloadEnd++;
            }
            if (payloadEnd < blockEnd) {
                at = payloadEnd;
            }
            speaker = cue(lines, timing, payloadEnd, speaker, cues);
        }
        return cues.finish(TranscriptFormat.VTT, false);
    }

    /** Reads one cue into {@code cues}; returns the speaker in force after it. */
    private static String cue(List<String> lines, int timing, int payloadEnd, String speaker, Cues cues) {
        CueTiming times;
        try {
            times = CueTiming.parse(lines.get(timing), timing + 1);
        } catch (TranscriptException e) {
            cues.skip(e.getMessage());
            return speaker;
        }
        CueText text = CueText.parse(lines.subList(timing + 1, payloadEnd), times.start(), times.end());
        String current = text.speaker() != null ? text.speaker() : speaker;
        if (!text.text().isEmpty()) {
            cues.add(new Segment(times.start(), times.end(), current, text.text(), text.words()));
        }
        return current;
    }

    private static boolean isHeader(String line) {
        return line.equals("WEBVTT") || line.startsWith("WEBVTT ") || line.startsWith("WEBVTT\t");
    }

    private static boolean startsWithWord(String line, String word) {
        return line.equals(word) || line.startsWith(word + " ") || line.startsWith(word + "\t");
    }
}

package dev.hark.transcript;

import java.util.OptionalLong;

/**
 * A cue timing line, {@code 00:00:01.000 --> 00:00:04.500 align:start position:10%}: two times
 * and any cue settings after them (ignored: they place captions on a video). Pure.
 */
record CueTiming(double start, double end) {

    /** True when the line is meant as a timing line (it has an arrow), whether or not its times are good. */
    static boolean looksLikeTiming(String line) {
        return line.contains("-->");
    }

    /**
     * The times of a timing line.
     *
     * @param lineNumber 1-based, for the message
     * @throws TranscriptException "Bad time 00:61:00 on line 12", or "Cue on line 12 ends before it starts"
     */
    static CueTiming parse(String line, int lineNumber) throws TranscriptException {
        int arrow = line.indexOf("-->");
        String startText = line.substring(0, arrow).strip();
        String rest = line.substring(arrow + 3).strip();
        String endText = rest.isEmpty() ? "" : rest.split("\\s+", 2)[0];
        long start = time(startText, lineNumber);
        long end = time(endText, lineNumber);
        if (end < start) {
            throw new TranscriptException("Cue on line " + lineNumber + " ends before it starts");
        }
        return new CueTiming(start / 1000.0, end / 1000.0);
    }

    private static long time(String text, int lineNumber) throws TranscriptException {
        OptionalLong millis = Timecodes.parse(text);
        if (millis.isEmpty()) {
            throw new TranscriptException(text.isEmpty()
                    ? "Missing time on line " + lineNumber
                    : "Bad time " + text + " on line " + lineNumber);
        }
        return millis.getAsLong();
    }
}

package dev.hark.transcript;

/**
 * Writes plain text: one line per segment, {@code [hh:mm:ss] Speaker: text}, times rounded
 * down to the second. {@link TextTranscriptReader} reads it back with the starts to the second
 * and each end at the next start. Pure and thread-safe.
 */
public final class TextTranscriptWriter {

    public String write(Transcript transcript) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : transcript.segments()) {
            out.append('[').append(Timecodes.wholeSeconds(segment.start())).append("] ");
            if (segment.speaker() != null) {
                out.append(segment.speaker()).append(": ");
            }
            out.append(VttWriter.oneLine(segment.text())).append('\n');
        }
        return out.toString();
    }
}

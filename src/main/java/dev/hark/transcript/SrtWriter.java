package dev.hark.transcript;

/**
 * Writes SRT: numbered cues, {@code hh:mm:ss,mmm} times, "Speaker: " before the text of every
 * cue that has a speaker. {@link SrtReader} reads the speaker back when it passes the name
 * rule in {@link SpeakerPrefix} (one to four capitalised words); other speakers (say
 * "spk_0") come back as part of the text. Word times are not kept: SRT has no place for them.
 * Pure and thread-safe.
 */
public final class SrtWriter {

    public String write(Transcript transcript) {
        StringBuilder out = new StringBuilder();
        int number = 1;
        for (Segment segment : transcript.segments()) {
            if (number > 1) {
                out.append('\n');
            }
            out.append(number++).append('\n')
                    .append(Timecodes.srt(segment.start())).append(" --> ").append(Timecodes.srt(segment.end())).append('\n');
            if (segment.speaker() != null) {
                out.append(segment.speaker()).append(": ");
            }
            // "-->" in the text would read as a timing line
            out.append(VttWriter.oneLine(segment.text()).replace("-->", "->")).append('\n');
        }
        return out.toString();
    }
}

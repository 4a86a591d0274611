package dev.hark.transcript;

/**
 * Writes WebVTT: numbered cues, {@code hh:mm:ss.mmm} times, the speaker as a voice tag on
 * every cue that has one ({@code <v Jason>}), word times as inline timestamps, and
 * {@code &}, {@code <} and {@code >} escaped. {@link VttReader} reads it back to the same
 * segments. Pure and thread-safe.
 */
public final class VttWriter {

    public String write(Transcript transcript) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        int number = 1;
        for (Segment segment : transcript.segments()) {
            out.append('\n').append(number++).append('\n')
                    .append(Timecodes.vtt(segment.start())).append(" --> ").append(Timecodes.vtt(segment.end())).append('\n');
            if (segment.speaker() != null) {
                out.append("<v ").append(escape(segment.speaker())).append('>');
            }
            out.append(segment.words().isEmpty() ? escape(oneLine(segment.text())) : timedWords(segment)).append('\n');
        }
        return out.toString();
    }

    /**
     * Words with inline timestamps. Only when the words spell the text exactly and sit inside
     * the cue in order, as a reader would need; otherwise the plain text is written.
     */
    private static String timedWords(Segment segment) {
        StringBuilder line = new StringBuilder();
        double previous = segment.start();
        for (int i = 0; i < segment.words().size(); i++) {
            Word word = segment.words().get(i);
            if (word.start() < previous || word.end() > segment.end()) {
                return escape(oneLine(segment.text()));
            }
            previous = word.start();
            if (i == 0 && word.start() == segment.start()) {
                line.append(escape(word.text()));
            } else {
                line.append(i == 0 ? "" : " ").append('<').append(Timecodes.vtt(word.start())).append('>').append(escape(word.text()));
            }
        }
        return line.toString();
    }

    static String oneLine(String text) {
        return Lines.squeeze(text);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

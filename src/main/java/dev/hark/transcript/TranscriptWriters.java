package dev.hark.transcript;

/** Writes a transcript in any format Hark writes. Pure and thread-safe. */
public final class TranscriptWriters {

    private TranscriptWriters() {
    }

    /**
     * @throws IllegalArgumentException for {@link TranscriptFormat#HTML}, which Hark reads but does not write
     */
    public static String write(Transcript transcript, TranscriptFormat format) {
        return switch (format) {
            case JSON -> new JsonTranscriptWriter().write(transcript);
            case VTT -> new VttWriter().write(transcript);
            case SRT -> new SrtWriter().write(transcript);
            case TEXT -> new TextTranscriptWriter().write(transcript);
            case HTML -> throw new IllegalArgumentException("Hark does not write HTML transcripts");
        };
    }
}

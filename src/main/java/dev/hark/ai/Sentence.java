package dev.hark.ai;

/**
 * One sentence of a transcript. Times inside a cue are estimated in proportion to the
 * characters before the sentence, since most transcripts time cues, not sentences.
 *
 * @param speaker who says it, or null when the transcript does not say
 */
public record Sentence(double start, double end, String speaker, String text) {

    public double duration() {
        return end - start;
    }
}

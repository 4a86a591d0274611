package dev.hark.ai;

import java.util.List;

/**
 * A stretch of about 20–40 seconds of speech, cut at sentence boundaries: the unit that is
 * embedded, segmented into chapters and (later) searched.
 *
 * @param speakers who speaks in it, in order of first appearance; empty when unknown
 */
public record Passage(double start, double end, List<String> speakers, List<Sentence> sentences) {

    public Passage {
        speakers = List.copyOf(speakers);
        sentences = List.copyOf(sentences);
    }

    public double duration() {
        return end - start;
    }

    /** The sentences joined by spaces. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Sentence sentence : sentences) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(sentence.text());
        }
        return text.toString();
    }
}

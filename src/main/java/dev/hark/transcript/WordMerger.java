package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins one-word segments into sentence-like segments, keeping each word with its times.
 * Pure.
 */
final class WordMerger {

    private WordMerger() {
    }

    /**
     * @param maxPause a longer silence between words ends the segment
     * @param maxWords the most words in one segment
     */
    static List<Segment> merge(List<Segment> words, double maxPause, int maxWords) {
        List<Segment> merged = new ArrayList<>();
        List<Segment> run = new ArrayList<>();
        for (Segment word : words) {
            if (!run.isEmpty()) {
                Segment last = run.getLast();
                boolean sameSpeaker = java.util.Objects.equals(last.speaker(), word.speaker());
                if (!sameSpeaker || word.start() - last.end() > maxPause || run.size() >= maxWords || endsSentence(last.text())) {
                    merged.add(join(run));
                    run = new ArrayList<>();
                }
            }
            run.add(word);
        }
        if (!run.isEmpty()) {
            merged.add(join(run));
        }
        return merged;
    }

    private static Segment join(List<Segment> run) {
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        double end = run.getFirst().end();
        for (Segment part : run) {
            String piece = part.text();
            // punctuation sent as its own "word" sticks to the word before it
            if (!text.isEmpty() && !piece.matches("[,.;:!?…)\\]}”’]+")) {
                text.append(' ');
            }
            text.append(piece);
            words.add(new Word(part.start(), part.end(), piece));
            end = Math.max(end, part.end());
        }
        Segment first = run.getFirst();
        return new Segment(first.start(), end, first.speaker(), text.toString(), words);
    }

    private static boolean endsSentence(String word) {
        return word.matches(".*[.!?…][\"”’)\\]]*");
    }
}

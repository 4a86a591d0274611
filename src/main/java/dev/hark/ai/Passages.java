package dev.hark.ai;

import dev.hark.transcript.Transcript;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Cuts a transcript into passages of about {@link #MIN_SECONDS}–{@link #MAX_SECONDS} seconds of
 * speech at sentence boundaries. A passage closes once it is long enough and the next
 * sentence would take it past the maximum, or the speaker changes; a single sentence longer
 * than the maximum is a passage of its own (sentences are never cut). A short last passage is
 * merged into the one before. Pure and thread-safe.
 */
public final class Passages {

    public static final double MIN_SECONDS = 20;
    public static final double MAX_SECONDS = 40;

    private Passages() {
    }

    public static List<Passage> of(Transcript transcript) {
        return of(Sentences.of(transcript));
    }

    public static List<Passage> of(List<Sentence> sentences) {
        List<List<Sentence>> groups = new ArrayList<>();
        List<Sentence> current = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (!current.isEmpty()) {
                double start = current.getFirst().start();
                double length = current.getLast().end() - start;
                boolean wouldOverflow = sentence.end() - start > MAX_SECONDS;
                boolean speakerTurn = sentence.speaker() != null
                        && !sentence.speaker().equals(current.getLast().speaker());
                if (length >= MIN_SECONDS && (wouldOverflow || speakerTurn) || length < MIN_SECONDS && wouldOverflow
                        && length >= MIN_SECONDS / 2) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(sentence);
        }
        if (!current.isEmpty()) {
            double length = current.getLast().end() - current.getFirst().start();
            if (length < MIN_SECONDS / 2 && !groups.isEmpty()) {
                groups.getLast().addAll(current);
            } else {
                groups.add(current);
            }
        }
        List<Passage> passages = new ArrayList<>();
        for (List<Sentence> group : groups) {
            LinkedHashSet<String> speakers = new LinkedHashSet<>();
            for (Sentence sentence : group) {
                if (sentence.speaker() != null) {
                    speakers.add(sentence.speaker());
                }
            }
            passages.add(new Passage(group.getFirst().start(), group.getLast().end(), List.copyOf(speakers), group));
        }
        return passages;
    }
}

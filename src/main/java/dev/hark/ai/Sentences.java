package dev.hark.ai;

import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a transcript into sentences. Cues often end mid-sentence, so a sentence runs on into
 * the next cue of the same speaker until it ends with {@code . ? !}; a change of speaker ends
 * it, and so does a run of {@link #MAX_SECONDS} for transcripts with no punctuation at all.
 * Pure and thread-safe.
 */
public final class Sentences {

    static final double MAX_SECONDS = 30;

    /** A sentence end: terminal punctuation, perhaps closing quotes, then a space or the end. */
    private static final Pattern END = Pattern.compile("[.?!…]+[\"'”’)]*(?=\\s|$)");

    private Sentences() {
    }

    public static List<Sentence> of(Transcript transcript) {
        List<Sentence> sentences = new ArrayList<>();
        Builder open = null;
        for (Segment segment : transcript.segments()) {
            String text = segment.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (open != null && (!Objects.equals(open.speaker, segment.speaker())
                    || segment.end() - open.start > MAX_SECONDS)) {
                sentences.add(open.build());
                open = null;
            }
            int from = 0;
            Matcher end = END.matcher(text);
            while (end.find()) {
                String piece = text.substring(from, end.end()).strip();
                double pieceStart = at(segment, text, from);
                double pieceEnd = at(segment, text, end.end());
                if (!piece.isEmpty()) {
                    open = open == null ? new Builder(pieceStart, segment.speaker()) : open;
                    open.append(piece, pieceEnd);
                    sentences.add(open.build());
                    open = null;
                }
                from = end.end();
            }
            String rest = text.substring(from).strip();
            if (!rest.isEmpty()) {
                open = open == null ? new Builder(at(segment, text, from), segment.speaker()) : open;
                open.append(rest, segment.end());
            }
        }
        if (open != null) {
            sentences.add(open.build());
        }
        return sentences;
    }

    private static double at(Segment segment, String text, int offset) {
        return segment.start() + segment.duration() * offset / Math.max(1, text.length());
    }

    private static final class Builder {
        final double start;
        final String speaker;
        final StringBuilder text = new StringBuilder();
        double end;

        Builder(double start, String speaker) {
            this.start = start;
            this.speaker = speaker;
            this.end = start;
        }

        void append(String piece, double pieceEnd) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(piece);
            end = Math.max(end, pieceEnd);
        }

        Sentence build() {
            return new Sentence(round(start), round(end), speaker, text.toString());
        }

        private static double round(double seconds) {
            return Math.round(seconds * 1000.0) / 1000.0;
        }
    }
}

package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks where the speaker probably changes in a transcript made without a diarization model,
 * and labels the turns "A", "B", "A", "B" … Pure and thread-safe.
 *
 * <p>What it does, in order:
 * <ol>
 *   <li>A transcript that already names speakers (the publisher's) is returned as it is.</li>
 *   <li>If any segment carries whisper.cpp's tinydiarize marker {@value #TINYDIARIZE_MARKER}
 *       (a {@code *-tdrz} model run with speaker-turn detection), those markers alone mark the
 *       turns: the marker ends the segment whose speaker is about to stop. Markers are removed
 *       from the text; one inside a segment splits it, the times shared out by characters.</li>
 *   <li>Otherwise a turn is marked where a pause of at least {@link #MIN_PAUSE} seconds is
 *       followed by a segment that opens like a reply ("Yeah", "Thank you", "Well", "Right" …)
 *       or comes after a question.</li>
 *   <li>With no turn found, every speaker stays null: no evidence, no speakers.</li>
 * </ol>
 *
 * <p>Limits, honestly: this knows where a turn may be, never who speaks. Labels alternate
 * between two voices, so a conversation of three or more people is labelled wrongly, and one
 * missed turn swaps the labels of everything after it until the next one found. The pause
 * heuristic finds only some turns (people interrupt without pausing, and pause within their own
 * speech) and can mark a false one where a speaker pauses and then says "So". Tinydiarize
 * markers are far better but exist only for English tdrz models.
 */
public final class SpeakerTurns {

    /** What whisper.cpp prints where a tinydiarize model detects a change of speaker. */
    public static final String TINYDIARIZE_MARKER = "[SPEAKER_TURN]";
    /** The shortest pause, in seconds, that the heuristic counts as room for a turn. */
    public static final double MIN_PAUSE = 1.0;

    /** How the turns were found. */
    public enum Method { PUBLISHER, TINYDIARIZE, PAUSE_AND_OPENER, NONE }

    /**
     * The transcript with speakers "A", "B" … (or unchanged speakers for {@code PUBLISHER}, none
     * for {@code NONE}) and how many turns were marked.
     */
    public record Result(Transcript transcript, Method method, int turns) {
    }

    private static final Pattern MARKER = Pattern.compile("\\s*" + Pattern.quote(TINYDIARIZE_MARKER) + "\\s*");
    /** Words people start a reply with. Lower case, matched at the start of a segment before a word boundary. */
    private static final Pattern OPENER = Pattern.compile("^(?:yeah|yes|yep|no|nope|well|right|sure|okay|ok|oh|so yeah"
            + "|absolutely|exactly|definitely|totally|indeed|true|great|thank you|thanks|good question|i mean"
            + "|i think that's|that's (?:right|true|great|a great|a good|interesting)|interesting|mm+|hmm+|uh-huh|wow)\\b");

    private SpeakerTurns() {
    }

    public static Result mark(Transcript transcript) {
        if (!transcript.speakers().isEmpty()) {
            return new Result(transcript, Method.PUBLISHER, 0);
        }
        boolean tinydiarize = transcript.segments().stream().anyMatch(s -> s.text().contains(TINYDIARIZE_MARKER));
        return tinydiarize ? byMarkers(transcript) : byPauses(transcript);
    }

    private static Result byMarkers(Transcript transcript) {
        List<Segment> pieces = new ArrayList<>();
        List<Boolean> turnAfter = new ArrayList<>();
        for (Segment segment : transcript.segments()) {
            split(segment, pieces, turnAfter);
        }
        List<Segment> labelled = new ArrayList<>();
        int turns = 0;
        for (int i = 0; i < pieces.size(); i++) {
            labelled.add(pieces.get(i).withSpeaker(label(turns)));
            if (turnAfter.get(i) && i < pieces.size() - 1) {
                turns++;
            }
        }
        return turns == 0 ? new Result(new Transcript(unlabel(labelled), transcript.approximate()), Method.NONE, 0)
                : new Result(new Transcript(labelled, transcript.approximate()), Method.TINYDIARIZE, turns);
    }

    /**
     * Splits a segment at its markers; text before a marker ends with a turn. The segment's time
     * is shared among the pieces by their length in characters: whisper gives no time for the marker.
     */
    private static void split(Segment segment, List<Segment> pieces, List<Boolean> turnAfter) {
        List<String> texts = new ArrayList<>();
        List<Boolean> turns = new ArrayList<>();
        Matcher matcher = MARKER.matcher(segment.text());
        int from = 0;
        while (matcher.find()) {
            String before = segment.text().substring(from, matcher.start()).strip();
            if (!before.isEmpty()) {
                texts.add(before);
                turns.add(true);
            } else if (!turns.isEmpty()) {
                turns.set(turns.size() - 1, true);
            } else if (!turnAfter.isEmpty()) {
                turnAfter.set(turnAfter.size() - 1, true); // a marker opening the segment: the turn came before it
            }
            from = matcher.end();
        }
        String rest = segment.text().substring(from).strip();
        if (!rest.isEmpty()) {
            texts.add(rest);
            turns.add(false);
        }
        int characters = texts.stream().mapToInt(String::length).sum();
        double start = segment.start();
        int done = 0;
        for (int i = 0; i < texts.size(); i++) {
            done += texts.get(i).length();
            double end = i == texts.size() - 1 ? segment.end()
                    : segment.start() + segment.duration() * done / characters;
            pieces.add(new Segment(start, end, null, texts.get(i), wordsWithin(segment, start, end)));
            turnAfter.add(turns.get(i));
            start = end;
        }
    }

    private static List<Word> wordsWithin(Segment segment, double start, double end) {
        return segment.words().stream()
                .filter(word -> word.start() >= start && word.start() < end && !word.text().contains(TINYDIARIZE_MARKER))
                .toList();
    }

    private static Result byPauses(Transcript transcript) {
        List<Segment> segments = transcript.segments();
        List<Segment> labelled = new ArrayList<>();
        int turns = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0 && isTurn(segments.get(i - 1), segments.get(i))) {
                turns++;
            }
            labelled.add(segments.get(i).withSpeaker(label(turns)));
        }
        return turns == 0 ? new Result(transcript, Method.NONE, 0)
                : new Result(new Transcript(labelled, transcript.approximate()), Method.PAUSE_AND_OPENER, turns);
    }

    /** A pause long enough, then a reply-like opening or an answer to a question. */
    static boolean isTurn(Segment previous, Segment next) {
        if (next.start() - previous.end() < MIN_PAUSE) {
            return false;
        }
        String opening = next.text().strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        return OPENER.matcher(opening).find() || previous.text().strip().endsWith("?");
    }

    private static String label(int turn) {
        return turn % 2 == 0 ? "A" : "B";
    }

    private static List<Segment> unlabel(List<Segment> segments) {
        return segments.stream().map(segment -> segment.withSpeaker(null)).toList();
    }
}

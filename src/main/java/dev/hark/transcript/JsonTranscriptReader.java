package dev.hark.transcript;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads JSON transcripts: the Podcasting 2.0 format
 * ({@code {"version","segments":[{"speaker","startTime","endTime","body"}]}}), Hark's own
 * output ({@code {"segments":[{"start","end","speaker","text"}]}}, with {@code words} where
 * known), and shapes met in the wild: AWS Bites ({@code speakerLabel} looked up in a
 * {@code "speakers"} map), Whisper's verbose JSON ({@code words} with {@code word}), Podlove
 * ({@code {"transcripts":[...]}} with clock-time strings, preferred over its {@code *_ms}
 * fields, which can disagree) and a bare array of segments.
 *
 * <p>Times are numbers of seconds, numeric strings or clock times. A missing end (optional in
 * Podcasting 2.0) becomes the next segment's start. A speaker that is only a number ("1", as
 * Podlove writes its ids) becomes "Speaker 1".
 *
 * <p>Word-level files, where nearly every segment is one word (as in the Podcasting 2.0
 * example), are merged into sentence-like segments of one speaker, keeping each word's times:
 * a segment ends at a word ending a sentence, a pause of over {@value #MAX_PAUSE} seconds, a
 * change of speaker or {@value #MAX_WORDS} words. Pure and thread-safe.
 */
public final class JsonTranscriptReader {

    static final double MAX_PAUSE = 2.0;
    static final int MAX_WORDS = 40;
    /** The share of one-word segments above which a file counts as word-level. */
    private static final double WORD_LEVEL_SHARE = 0.8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(double start, Double end, String speaker, String text, List<Word> words) {
    }

    public ReadResult read(String content) throws TranscriptException {
        JsonNode root;
        try {
            root = JSON.readTree(stripBom(content));
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            throw new TranscriptException(where == null || where.getLineNr() < 1
                    ? "The transcript is not valid JSON"
                    : "The transcript is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new TranscriptException("The transcript has no cues");
        }
        JsonNode segments = root.isArray() ? root
                : root.has("segments") ? root.get("segments")
                : root.has("transcripts") ? root.get("transcripts")
                : null;
        if (segments == null || !segments.isArray()) {
            throw new TranscriptException("This JSON is not a transcript: it has no list of segments");
        }
        JsonNode speakerNames = root.path("speakers");
        Cues cues = new Cues();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Entry entry = entry(segments.get(i), i + 1, speakerNames, cues);
            if (entry != null) {
                entries.add(entry);
            }
        }
        List<Segment> read = segments(entries, cues);
        if (isWordLevel(read)) {
            List<Segment> merged = WordMerger.merge(read, MAX_PAUSE, MAX_WORDS);
            // merging that joins nothing (short sentences, one per speaker turn) only adds noise
            if (merged.size() < read.size()) {
                read = merged;
            }
        }
        read.forEach(cues::add);
        return cues.finish(TranscriptFormat.JSON, false);
    }

    private static Entry entry(JsonNode node, int number, JsonNode speakerNames, Cues cues) {
        if (!node.isObject()) {
            cues.skip("Segment " + number + " is not an object");
            return null;
        }
        String text = text(node, "body", "text", "content");
        if (text == null || text.isBlank()) {
            return null; // nothing said: not worth a segment, nor a complaint
        }
        OptionalDouble start;
        OptionalDouble end;
        try {
            start = time(node, number, "startTime", "start", "start_time", "begin");
            end = time(node, number, "endTime", "end", "end_time");
            if (start.isEmpty()) {
                start = millis(node, number, "start_ms", "startMs");
            }
            if (end.isEmpty()) {
                end = millis(node, number, "end_ms", "endMs");
            }
        } catch (TranscriptException e) {
            cues.skip(e.getMessage());
            return null;
        }
        if (start.isEmpty()) {
            cues.skip("Segment " + number + " has no start time");
            return null;
        }
        if (end.isPresent() && end.getAsDouble() < start.getAsDouble()) {
            cues.skip("Segment " + number + " ends before it starts");
            return null;
        }
        return new Entry(start.getAsDouble(), end.isPresent() ? end.getAsDouble() : null,
                speaker(node, speakerNames), Lines.squeeze(text), words(node.path("words")));
    }

    /** Segments with missing ends filled in from the next start. */
    private static List<Segment> segments(List<Entry> entries, Cues cues) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            double end = entry.end() != null ? entry.end()
                    : i + 1 < entries.size() ? Math.max(entry.start(), entries.get(i + 1).start())
                    : entry.start();
            segments.add(new Segment(entry.start(), end, entry.speaker(), entry.text(), entry.words()));
        }
        return segments;
    }

    private static boolean isWordLevel(List<Segment> segments) {
        if (segments.size() < 2 || segments.stream().anyMatch(segment -> !segment.words().isEmpty())) {
            return false;
        }
        long single = segments.stream().filter(segment -> segment.text().indexOf(' ') < 0).count();
        return single >= WORD_LEVEL_SHARE * segments.size();
    }

    private static String speaker(JsonNode node, JsonNode speakerNames) {
        String label = text(node, "speaker", "speakerLabel", "speaker_label", "speakerName", "speaker_name");
        if (label == null || label.isBlank()) {
            return null;
        }
        label = label.strip();
        if (speakerNames.isObject() && speakerNames.path(label).isTextual()) {
            label = speakerNames.path(label).asText();
        }
        return label.matches("\\d{1,3}") ? "Speaker " + label : label;
    }

    private static List<Word> words(JsonNode words) {
        if (!words.isArray()) {
            return List.of();
        }
        List<Word> result = new ArrayList<>();
        try {
            for (JsonNode word : words) {
                String text = text(word, "word", "text", "body");
                OptionalDouble start = time(word, 0, "start", "startTime");
                OptionalDouble end = time(word, 0, "end", "endTime");
                if (text == null || text.isBlank() || start.isEmpty() || end.isEmpty()
                        || end.getAsDouble() < start.getAsDouble()) {
                    return List.of(); // partial word times would mislead more than none
                }
                result.add(new Word(start.getAsDouble(), end.getAsDouble(), text.strip()));
            }
        } catch (TranscriptException | IllegalArgumentException e) {
            return List.of();
        }
        return result;
    }

    private static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && (value.isTextual() || value.isNumber())) {
                return value.asText();
            }
        }
        return null;
    }

    private static OptionalDouble time(JsonNode node, int number, String... names) throws TranscriptException {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isNumber() && Double.isFinite(value.asDouble()) && value.asDouble() >= 0) {
                return OptionalDouble.of(value.asDouble());
            }
            if (value.isTextual()) {
                String text = value.asText().strip();
                OptionalLong clock = Timecodes.parse(text);
                if (clock.isPresent()) {
                    return OptionalDouble.of(clock.getAsLong() / 1000.0);
                }
                if (text.matches("\\d+(\\.\\d+)?")) {
                    return OptionalDouble.of(Double.parseDouble(text));
                }
            }
            throw badTime(value, number);
        }
        return OptionalDouble.empty();
    }

    private static TranscriptException badTime(JsonNode value, int number) {
        return new TranscriptException("Bad time " + (value.isTextual() ? value.asText() : value.toString())
                + " in segment " + number);
    }

    private static OptionalDouble millis(JsonNode node, int number, String... names) throws TranscriptException {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isNumber() && value.asDouble() >= 0) {
                return OptionalDouble.of(value.asDouble() / 1000.0);
            }
            if (value != null && !value.isNull()) {
                throw badTime(value, number);
            }
        }
        return OptionalDouble.empty();
    }

    private static String stripBom(String content) {
        return !content.isEmpty() && content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
    }
}

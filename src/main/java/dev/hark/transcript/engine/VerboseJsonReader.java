package dev.hark.transcript.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.transcript.Segment;
import dev.hark.transcript.SpeakerTurns;
import dev.hark.transcript.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code verbose_json} answer of an OpenAI-compatible transcription endpoint:
 * {@code {"text", "language", "duration", "segments": [{"start", "end", "text", ...}], "words": [...]}}.
 * A segment flagged {@code "speaker_turn_next": true} (whisper.cpp-based servers running a
 * tinydiarize model) gets {@link SpeakerTurns#TINYDIARIZE_MARKER} at the end of its text, as
 * the whisper.cpp command line prints it, for {@link SpeakerTurns} to use and remove. Pure and
 * thread-safe.
 */
final class VerboseJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerboseJsonReader() {
    }

    /**
     * The segments, with {@code offset} seconds added to every time (the start of the chunk
     * that was sent). Words are attached to the segment they fall in when the answer has them.
     */
    static List<Segment> segments(String body, double offset) throws TranscriptionException {
        try {
            return read(body, offset);
        } catch (IllegalArgumentException e) {
            throw malformed("a time in it is negative or not a number", e);
        }
    }

    private static List<Segment> read(String body, double offset) throws TranscriptionException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("its answer is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("its answer is not a JSON object", null);
        }
        List<Word> words = words(root.path("words"), offset);
        JsonNode segments = root.path("segments");
        List<Segment> result = new ArrayList<>();
        if (segments.isArray()) {
            for (JsonNode node : segments) {
                if (!node.path("start").isNumber() || !node.path("end").isNumber()) {
                    throw malformed("a segment has no start or end time", null);
                }
                double start = offset + node.path("start").asDouble();
                double end = Math.max(start, offset + node.path("end").asDouble());
                String text = oneLine(node.path("text").asText(""));
                if (node.path("speaker_turn_next").asBoolean(false) && !text.contains(SpeakerTurns.TINYDIARIZE_MARKER)) {
                    // a whisper.cpp-based server with tinydiarize: keep the evidence for SpeakerTurns
                    text = (text + " " + SpeakerTurns.TINYDIARIZE_MARKER).strip();
                }
                if (!text.isEmpty()) {
                    result.add(new Segment(start, end, null, text, within(words, start, end)));
                }
            }
        } else if (root.path("text").isTextual()) {
            // a server that ignores verbose_json: one segment for the whole chunk
            String text = oneLine(root.path("text").asText());
            if (!text.isEmpty()) {
                double duration = root.path("duration").asDouble(0);
                result.add(new Segment(offset, offset + Math.max(0, duration), null, text, words));
            }
        } else {
            throw malformed("its answer has neither segments nor text", null);
        }
        return result;
    }

    private static List<Word> words(JsonNode node, double offset) {
        List<Word> words = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode word : node) {
                if (word.path("start").isNumber() && word.path("end").isNumber()) {
                    double start = offset + word.path("start").asDouble();
                    words.add(new Word(start, Math.max(start, offset + word.path("end").asDouble()),
                            word.path("word").asText("").strip()));
                }
            }
        }
        return words;
    }

    private static List<Word> within(List<Word> words, double start, double end) {
        return words.stream().filter(word -> word.start() >= start && word.start() < end).toList();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static TranscriptionException malformed(String why, Throwable cause) {
        return new TranscriptionException("The transcription service sent an answer Hark cannot read: " + why + ".",
                false, cause);
    }
}

package dev.hark.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link Transcript}: the contract's segment fields plus word times and
 * the approximate flag, read back exactly. Not the lenient {@link JsonTranscriptReader}: what
 * Hark wrote itself needs no guessing (and must never be merged or re-timed). Thread-safe.
 */
final class TranscriptCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptCodec() {
    }

    static String write(Transcript transcript) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("approximate", transcript.approximate());
        ArrayNode segments = root.putArray("segments");
        for (Segment segment : transcript.segments()) {
            ObjectNode node = segments.addObject();
            node.put("start", segment.start());
            node.put("end", segment.end());
            node.put("speaker", segment.speaker());
            node.put("text", segment.text());
            if (!segment.words().isEmpty()) {
                ArrayNode words = node.putArray("words");
                for (Word word : segment.words()) {
                    words.addObject().put("start", word.start()).put("end", word.end()).put("text", word.text());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write transcript JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws IllegalStateException when the stored JSON is damaged (it was written by {@link #write}) */
    static Transcript read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<Segment> segments = new ArrayList<>();
            for (JsonNode node : root.path("segments")) {
                List<Word> words = new ArrayList<>();
                for (JsonNode word : node.path("words")) {
                    words.add(new Word(word.path("start").asDouble(), word.path("end").asDouble(), word.path("text").asText()));
                }
                JsonNode speaker = node.path("speaker");
                segments.add(new Segment(node.path("start").asDouble(), node.path("end").asDouble(),
                        speaker.isTextual() ? speaker.asText() : null, node.path("text").asText(), words));
            }
            return new Transcript(segments, root.path("approximate").asBoolean(false));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored transcript is damaged: " + e.getMessage(), e);
        }
    }
}

package dev.hark.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the JSON of Hark's contract: {@code {"segments":[{"start","end","speaker","text"}]}},
 * seconds as numbers (to the millisecond), {@code speaker} null when unknown, pretty-printed.
 * {@link JsonTranscriptReader} reads it back. Pure and thread-safe.
 */
public final class JsonTranscriptWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(Transcript transcript) {
        try {
            return JSON.writeValueAsString(tree(transcript));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write transcript JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The contract's JSON as a tree, for callers that add fields around it. */
    public ObjectNode tree(Transcript transcript) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode segments = root.putArray("segments");
        for (Segment segment : transcript.segments()) {
            ObjectNode node = segments.addObject();
            node.put("start", segment.start());
            node.put("end", segment.end());
            node.put("speaker", segment.speaker());
            node.put("text", segment.text());
        }
        return root;
    }
}

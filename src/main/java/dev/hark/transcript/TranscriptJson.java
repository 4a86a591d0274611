package dev.hark.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored transcript as the web API serves it ({@code GET /api/episodes/{id}/transcript}):
 * {@code {"episode","source","language","approximate","speakers","segments":[{"start","end","speaker","text"}]}},
 * seconds as numbers to the millisecond, keys in that order. The segments are the same as the
 * CLI contract's. Pure and thread-safe.
 */
public final class TranscriptJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranscriptJson() {
    }

    /** As a map, for a web framework's own JSON writer (e.g. Javalin's {@code ctx.json}). */
    public static Map<String, Object> toMap(StoredTranscript stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("episode", stored.episodeId());
        out.put("source", stored.source());
        out.put("language", stored.language());
        out.put("approximate", stored.transcript().approximate());
        out.put("speakers", stored.transcript().speakers());
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Segment segment : stored.transcript().segments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("start", segment.start());
            item.put("end", segment.end());
            item.put("speaker", segment.speaker());
            item.put("text", segment.text());
            segments.add(item);
        }
        out.put("segments", segments);
        return out;
    }

    /** As a JSON string. */
    public static String toJson(StoredTranscript stored) {
        try {
            return JSON.writeValueAsString(toMap(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write transcript JSON: " + e.getOriginalMessage(), e);
        }
    }
}

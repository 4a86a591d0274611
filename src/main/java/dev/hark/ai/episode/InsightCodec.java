package dev.hark.ai.episode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.ai.Bullet;
import dev.hark.ai.Mention;
import dev.hark.ai.TopicChapter;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON of cached results: bullets as {@code [{"text","start"}]}, chapters as
 * {@code [{"start","title"}]}. Thread-safe.
 */
final class InsightCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InsightCodec() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write an AI result as JSON", e);
        }
    }

    static List<Bullet> bullets(String json) {
        return read(json, new TypeReference<>() { });
    }

    static List<TopicChapter> chapters(String json) {
        return read(json, new TypeReference<>() { });
    }

    static List<Mention> mentions(String json) {
        return read(json, new TypeReference<>() { });
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            // we wrote it: a broken row is a bug or a damaged file, not a user error
            throw new UncheckedIOException("A stored AI result is not valid JSON", e);
        }
    }
}

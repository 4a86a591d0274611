package dev.hark.transcript.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The message of an OpenAI-style error body, {@code {"error": {"message": "..."}}}, for our own sentence. Pure.
 * Public because the LLM client in {@code ai.llm} reads the same error bodies.
 */
public final class ErrorMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 200;

    private ErrorMessage() {
    }

    /** ": the message" or "" when the body has none. */
    public static String of(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root == null ? null : root.path("error");
            String message = error == null ? "" : error.isTextual() ? error.asText() : error.path("message").asText("");
            if (message.isBlank() && root != null) {
                message = root.path("detail").asText(""); // FastAPI-based servers
            }
            message = message.replaceAll("\\s+", " ").strip().replaceAll("[.]$", "");
            return message.isEmpty() ? "" : ": " + (message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "…" : message);
        } catch (JacksonException e) {
            return "";
        }
    }
}

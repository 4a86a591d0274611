package dev.hark.ai.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.transcript.engine.ErrorMessage;

import java.util.function.Consumer;

/**
 * Reads a chat completion line by line: a server-sent event stream ({@code data: {json}} lines
 * with {@code choices[0].delta.content}, ended by {@code data: [DONE]}), or, from a server that
 * ignores {@code "stream": true}, one JSON document with {@code choices[0].message.content}.
 * The first non-blank line tells which. Pure apart from telling {@code onToken}; one use, one thread.
 */
final class ChatReplyParser {

    static final String UNREADABLE = "The language model sent a reply Hark could not read.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Mode { UNKNOWN, EVENTS, DOCUMENT }

    private final Consumer<String> onToken;
    private final StringBuilder reply = new StringBuilder();
    private final StringBuilder document = new StringBuilder();
    private Mode mode = Mode.UNKNOWN;
    private boolean done;

    ChatReplyParser(Consumer<String> onToken) {
        this.onToken = onToken;
    }

    /** One line without its line break. */
    void line(String line) throws LlmException {
        if (mode == Mode.UNKNOWN) {
            if (line.isBlank()) {
                return;
            }
            mode = isEventLine(line) ? Mode.EVENTS : Mode.DOCUMENT;
        }
        if (mode == Mode.DOCUMENT) {
            document.append(line).append('\n');
            return;
        }
        if (done || !line.startsWith("data:")) {
            return; // blank separators, comments, event names, ids
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
            done = true;
            return;
        }
        JsonNode event = parse(data);
        failOnError(event);
        JsonNode choice = event.path("choices").path(0);
        JsonNode content = choice.path("delta").path("content");
        if (!content.isTextual()) {
            content = choice.path("message").path("content"); // some servers send whole messages as events
        }
        if (content.isTextual() && !content.asText().isEmpty()) {
            reply.append(content.asText());
            onToken.accept(content.asText());
        }
    }

    /** Whether the stream said {@code [DONE]}; later lines are ignored. */
    boolean done() {
        return done;
    }

    /** The whole reply once the body has ended. */
    String finish() throws LlmException {
        if (mode == Mode.DOCUMENT) {
            JsonNode root = parse(document.toString());
            failOnError(root);
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            if (!content.isTextual() || content.asText().isBlank()) {
                throw new LlmException(UNREADABLE);
            }
            onToken.accept(content.asText());
            return content.asText();
        }
        if (reply.toString().isBlank()) {
            throw new LlmException(UNREADABLE);
        }
        return reply.toString();
    }

    private static boolean isEventLine(String line) {
        return line.startsWith("data:") || line.startsWith(":") || line.startsWith("event:") || line.startsWith("id:")
                || line.startsWith("retry:");
    }

    private static JsonNode parse(String text) throws LlmException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new LlmException(UNREADABLE);
            }
            return node;
        } catch (JacksonException e) {
            throw new LlmException(UNREADABLE, e);
        }
    }

    private static void failOnError(JsonNode node) throws LlmException {
        if (node.has("error") && !node.path("error").isNull()) {
            throw new LlmException("The language model failed while replying" + ErrorMessage.of(node.toString()) + ".");
        }
    }
}

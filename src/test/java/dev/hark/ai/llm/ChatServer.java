package dev.hark.ai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.hark.testing.LoopbackFeedServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny language model on loopback speaking the OpenAI chat protocol: each request gets the
 * next scripted {@link Responder}, the last one answering all that follow. Records what was
 * asked. Thread-safe.
 */
public final class ChatServer implements AutoCloseable {

    public static final String PATH = "/v1/chat/completions";
    public static final String MODEL = "test-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(JsonNode request, HttpExchange exchange) throws IOException;
    }

    private final LoopbackFeedServer server = LoopbackFeedServer.start();
    private final List<Responder> script;
    private final List<JsonNode> requests = new ArrayList<>();

    private ChatServer(List<Responder> script) {
        this.script = List.copyOf(script);
        server.handle(PATH, exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            Responder responder;
            synchronized (requests) {
                requests.add(request);
                responder = this.script.get(Math.min(requests.size(), this.script.size()) - 1);
            }
            responder.respond(request, exchange);
        });
    }

    public static ChatServer start(Responder... script) {
        return new ChatServer(List.of(script));
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return server.url("/v1");
    }

    /** Settings for this server: a short idle timeout so stalls end quickly. */
    LlmSettings settings() {
        return new LlmSettings(URI.create(server.url("/v1")), null, MODEL, LlmSettings.DEFAULT_CONTEXT_TOKENS,
                Duration.ofSeconds(10), Duration.ofMillis(500));
    }

    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    String lastAuthorization() {
        return server.lastRequestHeaders(PATH).getFirst("Authorization");
    }

    /** The text of the last user message of request {@code index}. */
    String userText(int index) {
        JsonNode messages = requests().get(index).path("messages");
        return messages.path(messages.size() - 1).path("content").asText();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A streamed reply: one server-sent event per token, flushed one by one, then [DONE]. */
    public static Responder stream(String... tokens) {
        return (request, exchange) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String token : tokens) {
                    writeEvent(out, token);
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** A streamed reply of {@code text} cut into words, computed from the request. */
    public static Responder streamOf(Function<JsonNode, String> reply) {
        return (request, exchange) -> stream(reply.apply(request).split("(?<= )")).respond(request, exchange);
    }

    /** A reply as from a server that ignores {@code "stream": true}. */
    public static Responder json(String content) {
        String body = JSON.createObjectNode().set("choices", JSON.createArrayNode().add(JSON.createObjectNode()
                .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)))).toString();
        return raw(200, "application/json", body, Map.of());
    }

    public static Responder raw(int status, String contentType, String body, Map<String, String> headers) {
        return (request, exchange) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    public static Responder status(int status) {
        return raw(status, "application/json", "", Map.of());
    }

    /** Sends {@code token} as one event, then nothing for a minute. */
    public static Responder stallAfter(String token) {
        return (request, exchange) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            writeEvent(out, token);
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        };
    }

    private static void writeEvent(OutputStream out, String token) throws IOException {
        String event = JSON.createObjectNode().set("choices", JSON.createArrayNode().add(JSON.createObjectNode()
                .set("delta", JSON.createObjectNode().put("content", token)))).toString();
        out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

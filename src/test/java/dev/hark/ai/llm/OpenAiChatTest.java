package dev.hark.ai.llm;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiChatTest {

    private static final List<ChatMessage> HELLO = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello?"));
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

    private OpenAiChat chat(LlmSettings settings) {
        return new OpenAiChat(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                pauses::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_streamed_reply_is_assembled_and_its_tokens_arrive_in_order() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("Hel", "lo, ", "wörld", "!"))) {
            List<String> tokens = new ArrayList<>();
            LlmSettings settings = server.settings();
            String reply = chat(new LlmSettings(settings.baseUrl(), "sk-secret", settings.model(),
                    settings.contextTokens(), settings.requestTimeout(), settings.idleTimeout())).chat(HELLO, tokens::add);

            assertThat(reply).isEqualTo("Hello, wörld!");
            assertThat(tokens).containsExactly("Hel", "lo, ", "wörld", "!");
            var request = server.requests().getFirst();
            assertThat(request.path("model").asText()).isEqualTo("test-model");
            assertThat(request.path("stream").asBoolean()).isTrue();
            assertThat(request.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(request.path("messages").get(1).path("role").asText()).isEqualTo("user");
            assertThat(request.path("messages").get(1).path("content").asText()).isEqualTo("Hello?");
            assertThat(server.lastAuthorization()).isEqualTo("Bearer sk-secret");
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void no_key_sends_no_authorization_header() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("ok"))) {
            chat(server.settings()).chat(HELLO);
            assertThat(server.lastAuthorization()).isNull();
        }
    }

    @Test
    void a_reasoning_models_thinking_reaches_neither_the_listener_nor_the_reply() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("<th", "ink>The user asks", " about <b>.</th", "ink>\n\n",
                "Tanzu is ", "VMware's [01:20]."))) {
            List<String> tokens = new ArrayList<>();
            String reply = chat(server.settings()).chat(HELLO, tokens::add);

            assertThat(reply).isEqualTo("Tanzu is VMware's [01:20].");
            assertThat(String.join("", tokens)).isEqualTo("Tanzu is VMware's [01:20].");
        }
    }

    @Test
    void a_server_that_ignores_streaming_is_read_as_one_json_reply() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.json("All in one piece."))) {
            List<String> tokens = new ArrayList<>();
            assertThat(chat(server.settings()).chat(HELLO, tokens::add)).isEqualTo("All in one piece.");
            assertThat(tokens).containsExactly("All in one piece.");
        }
    }

    @Test
    void a_429_is_waited_out_per_retry_after() throws Exception {
        try (ChatServer server = ChatServer.start(
                ChatServer.raw(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "7")),
                ChatServer.raw(429, "application/json", "", Map.of("Retry-After", "Fri, 02 Jan 2026 03:04:15 GMT")),
                ChatServer.raw(429, "application/json", "", Map.of("Retry-After", "3600")),
                ChatServer.stream("fine"))) {
            assertThat(chat(server.settings()).chat(HELLO)).isEqualTo("fine");
            assertThat(pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(10), Duration.ofSeconds(60));
        }
    }

    @Test
    void a_rejected_key_is_final() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.status(401))) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model endpoint rejected the API key.");
            assertThat(server.requests()).hasSize(1);
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void an_unknown_model_is_final_and_named() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.raw(404, "application/json",
                "{\"error\":{\"message\":\"model \\\"test-model\\\" not found, try pulling it first\"}}", Map.of()))) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model endpoint has no model named \"test-model\": "
                            + "model \"test-model\" not found, try pulling it first.");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void a_wrong_base_url_is_final_and_says_where_hark_looked() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("never"))) {
            LlmSettings settings = server.settings();
            URI wrong = URI.create(settings.baseUrl().toString().replace("/v1", "/api"));
            LlmSettings misplaced = new LlmSettings(wrong, null, settings.model(), settings.contextTokens(),
                    settings.requestTimeout(), settings.idleTimeout());
            assertThatThrownBy(() -> chat(misplaced).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("There is no chat endpoint at " + misplaced.endpoint()
                            + "; check the language model's base URL.");
            assertThat(pauses).isEmpty();
        }
    }

    @Test
    void another_4xx_is_final_with_the_servers_reason() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.raw(400, "application/json",
                "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\"}}", Map.of()))) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model endpoint refused the request (HTTP 400): "
                            + "This model's maximum context length is 8192 tokens.");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void a_5xx_is_retried_with_backoff_then_succeeds() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.status(503), ChatServer.status(502), ChatServer.stream("back"))) {
            assertThat(chat(server.settings()).chat(HELLO)).isEqualTo("back");
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void a_5xx_that_persists_gives_up_after_three_retries() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.status(500))) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model endpoint failed (HTTP 500); try again later.");
            assertThat(server.requests()).hasSize(4);
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void an_unreachable_endpoint_is_retried_then_reported() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port + "/v1");
        assertThatThrownBy(() -> chat(LlmSettings.of(base, null, "m")).chat(HELLO))
                .isInstanceOf(LlmException.class)
                .hasMessage("The language model at " + base + " could not be reached.");
        assertThat(pauses).hasSize(3);
    }

    @Test
    void a_stream_that_stalls_ends_in_an_llm_exception() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stallAfter("Once upon"))) {
            List<String> tokens = new ArrayList<>();
            long started = System.nanoTime();
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO, tokens::add))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model stopped replying for more than 500 ms.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            // part of the reply was passed on, so it is not asked again
            assertThat(tokens).containsExactly("Once upon");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void malformed_json_is_a_reply_hark_could_not_read() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.raw(200, "text/event-stream",
                "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {not json\n\n", Map.of()))) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model sent a reply Hark could not read.");
        }
        try (ChatServer server = ChatServer.start(ChatServer.raw(200, "application/json", "<html>oops</html>", Map.of()))) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model sent a reply Hark could not read.");
        }
    }

    @Test
    void an_empty_reply_is_a_reply_hark_could_not_read() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream())) {
            assertThatThrownBy(() -> chat(server.settings()).chat(HELLO))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model sent a reply Hark could not read.");
        }
    }

    @Test
    void an_interrupt_abandons_a_stalled_reply() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stallAfter("Once"))) {
            LlmSettings patient = server.settings().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    chat(patient).chat(HELLO);
                    outcome.complete(null);
                } catch (Exception e) {
                    outcome.complete(e);
                }
            });
            while (server.requests().isEmpty()) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            caller.interrupt();
            try {
                assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            } catch (ExecutionException e) {
                throw new AssertionError(e);
            }
        }
    }
}

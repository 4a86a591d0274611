package dev.hark.ai.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hark.transcript.engine.ErrorMessage;
import dev.hark.transcript.engine.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Chats with an OpenAI-compatible endpoint ({@code POST /v1/chat/completions} with
 * {@code "stream": true}): Ollama, llama.cpp's server, vLLM, LM Studio, or OpenAI. Tokens are
 * passed on as the server-sent events arrive; a server that ignores streaming and sends one JSON
 * reply works too. Thread-safe: one instance serves any number of chats.
 *
 * <p>Retries, as {@code OpenAiTranscriber} does them: a busy endpoint (429) is waited out per its
 * {@code Retry-After} (capped at a minute), a failing one (5xx, no answer, timeout, a stream that
 * stalls) after 1, 2 and 4 seconds; three retries in all. Nothing is retried once part of the
 * reply has been passed on, since the listener cannot take it back. A rejected key, an unknown
 * model and any other 4xx are final.
 */
public final class OpenAiChat implements Llm {

    static final int MAX_RETRIES = 3;
    static final double TEMPERATURE = 0.2;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(OpenAiChat.class);

    private final LlmSettings settings;
    private final HttpClient http;
    private final Pauser pauser;
    private final Clock clock;

    public OpenAiChat(LlmSettings settings) {
        // HTTP/1.1: small local servers do not all take the h2c upgrade
        this(settings, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build(),
                Pauser.SLEEP, Clock.systemUTC());
    }

    public OpenAiChat(LlmSettings settings, HttpClient http, Pauser pauser, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.pauser = pauser;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "llm:" + settings.model();
    }

    @Override
    public String chat(List<ChatMessage> messages, Consumer<String> onToken) throws LlmException, InterruptedException {
        HttpRequest request = request(messages);
        for (int attempt = 0; ; attempt++) {
            ReasoningFilter reasoning = new ReasoningFilter();
            Listener listener = new Listener(piece -> {
                String shown = reasoning.accept(piece);
                if (!shown.isEmpty()) {
                    onToken.accept(shown);
                }
            });
            try {
                String reply = attempt(request, listener);
                String rest = reasoning.finish();
                if (!rest.isEmpty()) {
                    onToken.accept(rest);
                }
                return ReasoningFilter.strip(reply);
            } catch (Retry retry) {
                if (attempt >= MAX_RETRIES || listener.heardAny) {
                    throw new LlmException(retry.sentence, retry.getCause());
                }
                Duration wait = retry.wait != null ? retry.wait : backoff(attempt);
                log.debug("Language model attempt {} failed ({}); retrying in {}", attempt + 1, retry.sentence, wait);
                pauser.pause(wait);
            }
        }
    }

    private String attempt(HttpRequest request, Listener listener) throws LlmException, Retry, InterruptedException {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpTimeoutException e) {
            throw new Retry("The language model did not start its reply within " + describe(settings.requestTimeout())
                    + ".", null, e);
        } catch (IOException e) {
            throw new Retry("The language model at " + settings.baseUrl() + " could not be reached.", null, e);
        }
        ReplyBody body = new ReplyBody();
        response.body().subscribe(body);
        try {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(body, listener);
            }
            String text = body.text(settings.idleTimeout(), MAX_ERROR_BODY);
            log.debug("Language model endpoint answered {}: {}", status, abbreviate(text));
            throw failure(status, text, response);
        } finally {
            body.cancel();
        }
    }

    private String read(ReplyBody body, Listener listener) throws LlmException, Retry, InterruptedException {
        ChatReplyParser parser = new ChatReplyParser(listener);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            byte[] piece;
            while (!parser.done() && (piece = body.next(settings.idleTimeout())) != null) {
                // split on bytes, not chars, so a UTF-8 character cut between pieces stays whole
                for (byte b : piece) {
                    if (b == '\n') {
                        parser.line(lineText(line));
                        line.reset();
                        if (parser.done()) {
                            break;
                        }
                    } else {
                        line.write(b);
                    }
                }
            }
            if (!parser.done() && line.size() > 0) {
                parser.line(lineText(line));
            }
        } catch (ReplyBody.Idle e) {
            throw new Retry("The language model stopped replying for more than " + describe(settings.idleTimeout())
                    + ".", null, null);
        } catch (IOException e) {
            throw new Retry("The connection to the language model broke off during its reply.", null, e);
        }
        return parser.finish();
    }

    /** The final failure an answer other than 2xx means; throws {@link Retry} instead when it is worth another try. */
    private LlmException failure(int status, String body, HttpResponse<?> response) throws Retry {
        if (status == 429) {
            throw new Retry("The language model endpoint is busy or over its quota; try again later.",
                    RetryAfter.delay(response.headers().firstValue("Retry-After"), clock.instant(), FIRST_BACKOFF,
                            MAX_RETRY_AFTER), null);
        }
        if (status >= 500) {
            throw new Retry("The language model endpoint failed (HTTP " + status + "); try again later.", null, null);
        }
        if (status == 401 || status == 403) {
            return new LlmException("The language model endpoint rejected the API key.");
        }
        if (status == 404) {
            // Ollama and vLLM answer an unknown model with 404; a wrong base URL gives one too
            return body.toLowerCase(Locale.ROOT).contains("model")
                    ? new LlmException("The language model endpoint has no model named \"" + settings.model() + "\""
                            + ErrorMessage.of(body) + ".")
                    : new LlmException("There is no chat endpoint at " + settings.endpoint()
                            + "; check the language model's base URL.");
        }
        return new LlmException("The language model endpoint refused the request (HTTP " + status + ")"
                + ErrorMessage.of(body) + ".");
    }

    private HttpRequest request(List<ChatMessage> messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", settings.model());
        ArrayNode array = root.putArray("messages");
        for (ChatMessage message : messages) {
            array.addObject().put("role", message.role()).put("content", message.content());
        }
        root.put("stream", true);
        root.put("temperature", TEMPERATURE);
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream, application/json");
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.POST(HttpRequest.BodyPublishers.ofString(root.toString(), StandardCharsets.UTF_8)).build();
    }

    private static String lineText(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static Duration backoff(int attempt) {
        return FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 5));
    }

    /** "5 minutes", "30 seconds", "200 ms": for sentences. */
    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + " minutes";
        }
        if (seconds >= 1) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return duration.toMillis() + " ms";
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** Passes pieces on and remembers whether any were. */
    private static final class Listener implements Consumer<String> {
        private final Consumer<String> onToken;
        private boolean heardAny;

        Listener(Consumer<String> onToken) {
            this.onToken = onToken;
        }

        @Override
        public void accept(String token) {
            heardAny = true;
            onToken.accept(token);
        }
    }

    /** A failure worth another attempt: the sentence if none is left, and the wait if the server named one. */
    private static final class Retry extends Exception {
        private static final long serialVersionUID = 1L;
        private final String sentence;
        private final transient Duration wait;

        Retry(String sentence, Duration wait, Throwable cause) {
            super(sentence, cause, false, false);
            this.sentence = sentence;
            this.wait = wait;
        }
    }
}

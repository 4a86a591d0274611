package dev.hark.ai.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an OpenAI-compatible chat endpoint (Ollama, llama.cpp server, vLLM,
 * LM Studio, OpenAI itself). The integrator builds it from {@code llm.base-url},
 * {@code llm.api-key}, {@code llm.model} and {@code llm.context-tokens}; see docs/llm.md.
 *
 * @param baseUrl        e.g. {@code http://localhost:11434/v1} or {@code https://api.openai.com};
 *                       {@code /v1/chat/completions} is appended (a trailing {@code /v1} is tolerated)
 * @param apiKey         sent as a bearer token; null or blank for local servers that need none
 * @param model          the model name the endpoint expects, e.g. {@code llama3.1:8b}
 * @param contextTokens  the model's context window; prompts are cut to fit it
 * @param requestTimeout how long to wait for the reply to start (a local model may load first)
 * @param idleTimeout    how long a started reply may pause between pieces before Hark gives up
 */
public record LlmSettings(URI baseUrl, String apiKey, String model, int contextTokens, Duration requestTimeout,
                          Duration idleTimeout) {

    public static final int DEFAULT_CONTEXT_TOKENS = 8192;
    /** Below this, the prompts alone would not fit. */
    public static final int MIN_CONTEXT_TOKENS = 2048;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public LlmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http or https address, was " + baseUrl);
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must name the language model, e.g. llama3.1:8b");
        }
        model = model.strip();
        if (contextTokens < MIN_CONTEXT_TOKENS) {
            throw new IllegalArgumentException("contextTokens must be at least " + MIN_CONTEXT_TOKENS + ", was "
                    + contextTokens);
        }
        requireNotShort(requestTimeout, "requestTimeout");
        requireNotShort(idleTimeout, "idleTimeout");
    }

    /** Defaults for the context size and timeouts. */
    public static LlmSettings of(URI baseUrl, String apiKey, String model) {
        return new LlmSettings(baseUrl, apiKey, model, DEFAULT_CONTEXT_TOKENS, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT);
    }

    public LlmSettings withContextTokens(int tokens) {
        return new LlmSettings(baseUrl, apiKey, model, tokens, requestTimeout, idleTimeout);
    }

    public LlmSettings withTimeouts(Duration request, Duration idle) {
        return new LlmSettings(baseUrl, apiKey, model, contextTokens, request, idle);
    }

    /** The chat endpoint. */
    public URI endpoint() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + "/v1/chat/completions");
    }

    private static void requireNotShort(Duration timeout, String field) {
        if (timeout == null || timeout.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException(field + " must be at least 10 ms, was " + timeout);
        }
    }

    @Override
    public String toString() {
        // never log the key
        return "LlmSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "set") + ", model=" + model
                + ", contextTokens=" + contextTokens + ", requestTimeout=" + requestTimeout
                + ", idleTimeout=" + idleTimeout + "]";
    }
}

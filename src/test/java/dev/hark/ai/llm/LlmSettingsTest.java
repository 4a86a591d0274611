package dev.hark.ai.llm;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest {

    @Test
    void the_endpoint_is_the_same_with_or_without_v1() {
        URI expected = URI.create("http://localhost:11434/v1/chat/completions");
        assertThat(LlmSettings.of(URI.create("http://localhost:11434/v1"), null, "m").endpoint()).isEqualTo(expected);
        assertThat(LlmSettings.of(URI.create("http://localhost:11434/v1/"), null, "m").endpoint()).isEqualTo(expected);
        assertThat(LlmSettings.of(URI.create("http://localhost:11434"), null, "m").endpoint()).isEqualTo(expected);
        assertThat(LlmSettings.of(URI.create("https://example.org/proxy/"), null, "m").endpoint())
                .isEqualTo(URI.create("https://example.org/proxy/v1/chat/completions"));
    }

    @Test
    void defaults_and_a_blank_key_meaning_none() {
        LlmSettings settings = LlmSettings.of(URI.create("http://localhost:11434"), "  ", " llama3.1:8b ");
        assertThat(settings).isEqualTo(new LlmSettings(URI.create("http://localhost:11434"), null, "llama3.1:8b", 8192,
                LlmSettings.DEFAULT_REQUEST_TIMEOUT, LlmSettings.DEFAULT_IDLE_TIMEOUT));
    }

    @Test
    void bad_values_are_refused_naming_the_field() {
        URI base = URI.create("http://localhost:11434");
        assertThatThrownBy(() -> LlmSettings.of(URI.create("ftp://host/"), null, "m")).hasMessageStartingWith("baseUrl");
        assertThatThrownBy(() -> LlmSettings.of(base, null, " ")).hasMessageStartingWith("model");
        assertThatThrownBy(() -> LlmSettings.of(base, null, "m").withContextTokens(100))
                .hasMessage("contextTokens must be at least 2048, was 100");
        assertThatThrownBy(() -> LlmSettings.of(base, null, "m").withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageStartingWith("requestTimeout");
        assertThatThrownBy(() -> LlmSettings.of(base, null, "m").withTimeouts(Duration.ofSeconds(1), null))
                .hasMessageStartingWith("idleTimeout");
    }

    @Test
    void the_key_is_never_printed() {
        assertThat(LlmSettings.of(URI.create("https://api.openai.com"), "sk-secret", "gpt-4o-mini").toString())
                .doesNotContain("sk-secret").contains("apiKey=set");
    }

    @Test
    void the_llm_is_named_after_its_model() {
        assertThat(new OpenAiChat(LlmSettings.of(URI.create("http://localhost:11434"), null, "qwen2.5:7b")).name())
                .isEqualTo("llm:qwen2.5:7b");
    }
}

package dev.hark.ai.llm;

import dev.hark.ai.ExtractiveSummary;
import dev.hark.ai.HashingEmbedder;
import dev.hark.ai.Passage;
import dev.hark.ai.Summary;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WithFallbackTest {

    private static final List<Passage> EPISODE = LlmFixtures.passages("json-awsbites-100-speaker-labels.json");

    private static LlmSummary llmSummary(LlmSettings settings) {
        return new LlmSummary(new OpenAiChat(settings, HttpClient.newHttpClient(), d -> { }, Clock.systemUTC()), settings);
    }

    @Test
    void a_malformed_reply_falls_back_to_the_extractive_summary_with_a_notice() throws Exception {
        ExtractiveSummary extractive = new ExtractiveSummary(new HashingEmbedder());
        try (ChatServer server = ChatServer.start(ChatServer.raw(200, "text/event-stream", "data: {oops\n\n", Map.of()))) {
            LlmSummary summary = llmSummary(server.settings());
            WithFallback.Outcome<Summary> outcome = WithFallback.run(() -> summary.summarize(EPISODE),
                    () -> extractive.summarize(EPISODE), WithFallback.EXTRACTIVE_SUMMARY);

            assertThat(outcome.fellBack()).isTrue();
            assertThat(outcome.notice()).contains("The language model failed (the language model sent a reply Hark "
                    + "could not read); showing the extractive summary.");
            assertThat(outcome.value()).isEqualTo(extractive.summarize(EPISODE));
            assertThat(outcome.value().method()).isEqualTo("extractive:hashing");
        }
    }

    @Test
    void a_good_reply_is_used_without_a_notice() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("- Everything [00:00]\n"))) {
            LlmSettings settings = server.settings().withContextTokens(64_000);
            LlmSummary summary = llmSummary(settings);
            WithFallback.Outcome<Summary> outcome = WithFallback.run(() -> summary.summarize(EPISODE),
                    () -> { throw new AssertionError("no fallback expected"); }, WithFallback.EXTRACTIVE_SUMMARY);

            assertThat(outcome.notice()).isEmpty();
            assertThat(outcome.value().method()).isEqualTo("llm:test-model");
        }
    }

    @Test
    void the_notice_keeps_an_acronym_at_the_start_of_the_reason() {
        assertThat(WithFallback.notice(new LlmException("HTTP went wrong."), "the extractive chapter titles"))
                .isEqualTo("The language model failed (HTTP went wrong); showing the extractive chapter titles.");
    }
}

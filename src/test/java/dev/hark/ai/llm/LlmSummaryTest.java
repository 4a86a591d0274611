package dev.hark.ai.llm;

import dev.hark.ai.Bullet;
import dev.hark.ai.Passage;
import dev.hark.ai.Summary;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmSummaryTest {

    private static final List<Passage> EPISODE = LlmFixtures.passages("json-awsbites-100-speaker-labels.json");

    private static OpenAiChat chat(LlmSettings settings) {
        return new OpenAiChat(settings, HttpClient.newHttpClient(), duration -> { }, Clock.systemUTC());
    }

    /** Map: two notes citing the first and the middle line of the part. Reduce: bullets out of order, one uncited. */
    private static ChatServer.Responder cannedModel(Passage uncited) {
        return ChatServer.streamOf(request -> {
            var messages = request.path("messages");
            String prompt = messages.path(messages.size() - 1).path("content").asText();
            List<Double> moments = Moments.parse(prompt);
            if (prompt.startsWith(LlmSummary.MAP_MARK)) {
                // the first two moments are the part's span in the heading
                double first = moments.get(2);
                double middle = moments.get(2 + (moments.size() - 2) / 2);
                return "- The opening topic of this part " + Moments.format(first) + "\n"
                        + "- A later topic " + Moments.format(middle) + "\n";
            }
            if (prompt.contains(LlmSummary.REDUCE_MARK)) {
                List<Double> cited = moments.stream().distinct().toList();
                StringBuilder bullets = new StringBuilder("In this episode, we cover:\n");
                for (int i = cited.size() - 1, n = 0; i >= 0 && n < 4; i--, n++) {
                    bullets.append("- **Topic at ").append(Moments.clock(cited.get(i))).append("** ")
                            .append(Moments.format(cited.get(i))).append('\n');
                }
                bullets.append("- ").append(String.join(" ", List.of(uncited.text().split(" ")).subList(0, 12)))
                        .append('\n');
                return bullets.toString();
            }
            return "- Everything at once [00:00]\n";
        });
    }

    @Test
    void a_long_transcript_is_mapped_per_chunk_then_reduced_to_bullets_in_time_order() throws Exception {
        Passage uncited = EPISODE.get(EPISODE.size() / 3);
        try (ChatServer server = ChatServer.start(cannedModel(uncited))) {
            LlmSettings settings = server.settings().withContextTokens(4096);
            LlmSummary summary = new LlmSummary(chat(settings), settings);
            int chunks = TranscriptChunks.of(EPISODE, summary.budget()).size();
            assertThat(chunks).isGreaterThan(2);

            Summary result = summary.summarize(EPISODE);

            assertThat(server.requests()).hasSize(chunks + 1);
            assertThat(server.userText(0)).startsWith(LlmSummary.MAP_MARK);
            assertThat(server.userText(chunks)).contains(LlmSummary.REDUCE_MARK);
            for (int i = 0; i < chunks; i++) {
                assertThat(TranscriptChunks.tokens(server.userText(i))).isLessThan(settings.contextTokens());
            }
            assertThat(result.method()).isEqualTo("llm:test-model");
            assertThat(result.bullets()).hasSize(5);
            assertThat(result.bullets()).isSortedAccordingTo(Comparator.comparingDouble(Bullet::start));
            List<Double> passageStarts = new ArrayList<>(EPISODE.stream().map(Passage::start).toList());
            for (Bullet bullet : result.bullets()) {
                assertThat(bullet.text()).doesNotContain("[").doesNotContain("**");
                // canned bullets cite passage starts (floored to the second); the uncited one gets its passage
                assertThat(passageStarts.stream().anyMatch(start -> Math.abs(start - bullet.start()) < 1))
                        .as("%s cites a real moment", bullet).isTrue();
            }
            assertThat(result.bullets()).anySatisfy(bullet -> assertThat(bullet.start()).isEqualTo(uncited.start()));
            assertThat(result.bullets()).anySatisfy(bullet -> assertThat(bullet.text()).startsWith("Topic at "));
        }
    }

    @Test
    void a_transcript_that_fits_the_context_takes_one_call() throws Exception {
        List<Passage> short_ = EPISODE.subList(0, 6);
        try (ChatServer server = ChatServer.start(cannedModel(EPISODE.get(1)))) {
            LlmSettings settings = server.settings();
            Summary result = new LlmSummary(chat(settings), settings).summarize(short_);

            assertThat(server.requests()).hasSize(1);
            assertThat(server.userText(0)).startsWith("Transcript:\n[00:00]");
            assertThat(result).isEqualTo(new Summary(List.of(new Bullet("Everything at once", short_.getFirst().start())),
                    "llm:test-model"));
        }
    }

    @Test
    void an_episode_without_passages_has_an_empty_summary_and_asks_nothing() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.status(500))) {
            LlmSettings settings = server.settings();
            assertThat(new LlmSummary(chat(settings), settings).summarize(List.of()).bullets()).isEmpty();
            assertThat(server.requests()).isEmpty();
        }
    }
}

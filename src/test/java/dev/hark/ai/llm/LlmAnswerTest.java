package dev.hark.ai.llm;

import dev.hark.ai.Passage;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmAnswerTest {

    private static final List<Passage> EPISODE = LlmFixtures.passages("json-awsbites-100-speaker-labels.json");

    private static LlmAnswer answerer(LlmSettings settings) {
        return new LlmAnswer(new OpenAiChat(settings, HttpClient.newHttpClient(), d -> { }, Clock.systemUTC()), settings);
    }

    @Test
    void the_answer_streams_from_the_retrieved_passages_only_in_time_order() throws Exception {
        List<Passage> retrieved = List.of(EPISODE.get(20), EPISODE.get(3), EPISODE.get(11));
        try (ChatServer server = ChatServer.start(ChatServer.stream("They use ", "Lambda ", Moments.format(EPISODE.get(3).start()), "."))) {
            List<String> tokens = new ArrayList<>();
            String answer = answerer(server.settings()).answer("  What do they use? ", retrieved, tokens::add);

            assertThat(answer).isEqualTo("They use Lambda " + Moments.format(EPISODE.get(3).start()) + ".");
            assertThat(String.join("", tokens)).isEqualTo(answer);
            var messages = server.requests().getFirst().path("messages");
            assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
            assertThat(messages.get(0).path("content").asText()).contains("only", "do not contain the answer", "[mm:ss]");
            String prompt = messages.get(1).path("content").asText();
            assertThat(prompt).isEqualTo("Excerpts:\n" + TranscriptChunks.render(List.of(EPISODE.get(3), EPISODE.get(11),
                    EPISODE.get(20))) + "\n\nQuestion: What do they use?");
        }
    }

    @Test
    void passages_beyond_the_context_are_left_out_from_the_least_relevant() {
        List<Passage> retrieved = List.of(EPISODE.get(20), EPISODE.get(3), EPISODE.get(11));
        int two = TranscriptChunks.tokens(TranscriptChunks.render(EPISODE.get(20)))
                + TranscriptChunks.tokens(TranscriptChunks.render(EPISODE.get(3))) + 2;
        assertThat(LlmAnswer.fitting(retrieved, two)).containsExactly(EPISODE.get(3), EPISODE.get(20));
    }

    @Test
    void nothing_retrieved_is_said_without_asking_the_model() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.status(500))) {
            List<String> tokens = new ArrayList<>();
            assertThat(answerer(server.settings()).answer("Why?", List.of(), tokens::add)).isEqualTo(LlmAnswer.NOTHING_FOUND);
            assertThat(tokens).containsExactly(LlmAnswer.NOTHING_FOUND);
            assertThat(server.requests()).isEmpty();
        }
    }
}

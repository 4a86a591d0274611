package dev.hark.ai;

import dev.hark.transcript.Transcript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopicChaptersTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "vtt-talkpython-554-voice-tags.vtt", "json-awsbites-100-speaker-labels.json",
            "vtt-buzzsprout-bom-voice-tags-2024.vtt"})
    void chapters_start_at_0_increase_keep_the_minimum_length_and_have_short_titles(String name) {
        Transcript transcript = name.equals("demo") ? AiFixtures.demo() : AiFixtures.shared(name);
        List<Passage> passages = Passages.of(transcript);
        double end = passages.getLast().end();

        List<TopicChapter> chapters = new TopicChapters(new HashingEmbedder()).chapters(passages);

        assertThat(chapters).hasSizeGreaterThanOrEqualTo(2);
        assertThat(chapters.getFirst().start()).isZero();
        double minimum = TopicChapters.minimumSeconds(end);
        for (int i = 0; i < chapters.size(); i++) {
            double next = i + 1 < chapters.size() ? chapters.get(i + 1).start() : end;
            assertThat(next - chapters.get(i).start()).as("chapter %d", i).isGreaterThanOrEqualTo(minimum);
            assertThat(chapters.get(i).title()).isNotBlank();
            assertThat(chapters.get(i).title().split(" ")).hasSizeBetween(1, 5);
        }
    }

    @Test
    void minimum_length_is_a_few_minutes_scaled_down_for_short_episodes() {
        assertThat(TopicChapters.minimumSeconds(300)).isEqualTo(60);
        assertThat(TopicChapters.minimumSeconds(1800)).isEqualTo(150);
        assertThat(TopicChapters.minimumSeconds(3 * 3600)).isEqualTo(240);
    }

    @Test
    void a_single_word_keyphrase_is_joined_with_the_next_into_a_title() {
        assertThat(TopicChapters.title(List.of("kubernetes", "incident response"), "", Map.of()))
                .isEqualTo("Kubernetes and Incident Response");
        assertThat(TopicChapters.title(List.of("chaos engineering", "google"), "", Map.of())).isEqualTo("Chaos Engineering");
    }

    @Test
    void titles_keep_the_transcripts_spelling_of_acronyms() {
        Map<String, String> spellings = Keyphrases.surfaceForms("We use AWS a lot. AWS Lambda is fine. So is the aws cli.");

        assertThat(TopicChapters.title(List.of("aws lambda"), "", spellings)).isEqualTo("AWS Lambda");
    }

    @Test
    void keyphrases_favour_what_is_particular_to_a_part() {
        List<List<String>> phrases = Keyphrases.of(List.of(
                "We talk about chaos engineering. Chaos engineering at Google. The system is great.",
                "Now the system and incident response. Incident response needs on-call. The system again."), 1);

        assertThat(phrases).containsExactly(List.of("chaos engineering"), List.of("incident response"));
    }
}

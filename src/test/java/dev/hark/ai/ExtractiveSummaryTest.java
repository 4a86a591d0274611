package dev.hark.ai;

import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveSummaryTest {

    private static final String FILLER_START = "(?i)^(so|yeah|i mean|you know|um|uh|okay|well)\\b.*";

    private static Transcript transcript(String name) {
        return name.equals("demo") ? AiFixtures.demo() : AiFixtures.shared(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "vtt-talkpython-554-voice-tags.vtt", "json-awsbites-100-speaker-labels.json"})
    void summary_has_3_to_7_clean_bullets_in_time_order_taken_from_near_their_start(String name) {
        Transcript transcript = transcript(name);

        Summary summary = new ExtractiveSummary(new HashingEmbedder()).summarize(Passages.of(transcript));

        assertThat(summary.method()).isEqualTo("extractive:hashing");
        assertThat(summary.bullets()).hasSizeBetween(3, 7);
        assertThat(summary.bullets()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
        for (Bullet bullet : summary.bullets()) {
            assertThat(bullet.text()).doesNotMatch(FILLER_START).matches("^\\p{Lu}.*");
            String nearby = words(textBetween(transcript, bullet.start() - 5, bullet.start() + 60));
            for (String word : words(bullet.text()).split(" ")) {
                assertThat(nearby).as("bullet %s at %s", bullet.text(), bullet.start()).contains(word);
            }
        }
    }

    @Test
    void a_long_episode_skips_its_first_minute_of_welcome() {
        Summary summary = new ExtractiveSummary(new HashingEmbedder())
                .summarize(Passages.of(AiFixtures.shared("vtt-talkpython-554-voice-tags.vtt")));

        assertThat(summary.bullets()).allSatisfy(bullet -> assertThat(bullet.start()).isGreaterThanOrEqualTo(60));
    }

    @Test
    void mmr_prefers_a_new_point_to_a_repeat_of_a_chosen_one() {
        float[] centroid = {1, 1, 0};
        float[][] vectors = {{1, 0.8f, 0}, {1, 0.8f, 0}, {0.8f, 1, 0}};

        assertThat(ExtractiveSummary.mmr(vectors, centroid, 2)).containsExactly(0, 2);
    }

    @Test
    void mmr_takes_a_point_far_in_time_over_a_near_one() {
        float[] centroid = {1, 1, 0};
        float[][] vectors = {{1, 0.8f, 0}, {0.8f, 1, 0}, {0.5f, 1, 0.5f}};
        double[] starts = {100, 130, 900};

        assertThat(ExtractiveSummary.mmr(vectors, starts, centroid, 2, 300)).containsExactly(0, 2);
    }

    @Test
    void bullet_count_grows_with_length_from_3_to_7() {
        assertThat(ExtractiveSummary.bulletCount(120)).isEqualTo(3);
        assertThat(ExtractiveSummary.bulletCount(1800)).isEqualTo(5);
        assertThat(ExtractiveSummary.bulletCount(4 * 3600)).isEqualTo(7);
    }

    @Test
    void an_unpunctuated_transcript_still_gets_bullets() {
        List<Segment> segments = new java.util.ArrayList<>();
        String[] topics = {"kubernetes clusters fail over between regions when the network breaks down",
                "chaos experiments inject latency into the payment service during business hours",
                "incident reviews write down what the team learned without blaming anyone at all",
                "observability dashboards show error budgets for every service the company runs"};
        for (int i = 0; i < 40; i++) {
            segments.add(new Segment(i * 10, i * 10 + 9, null, topics[i % topics.length] + " part " + i));
        }

        Summary summary = new ExtractiveSummary(new HashingEmbedder()).summarize(Passages.of(new Transcript(segments)));

        assertThat(summary.bullets()).hasSizeBetween(3, 7);
    }

    @Test
    void an_empty_episode_has_no_bullets() {
        Summary summary = new ExtractiveSummary(new HashingEmbedder()).summarize(Passages.of(new Transcript(List.<Segment>of())));

        assertThat(summary.bullets()).isEmpty();
    }

    private static String textBetween(Transcript transcript, double from, double to) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : transcript.segments()) {
            if (segment.end() >= from && segment.start() <= to) {
                text.append(segment.text()).append(' ');
            }
        }
        return text.toString();
    }

    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}' ]+", " ")
                .replaceAll("\\s+", " ").strip() + " ";
    }
}

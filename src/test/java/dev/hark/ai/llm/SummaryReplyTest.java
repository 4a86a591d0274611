package dev.hark.ai.llm;

import dev.hark.ai.Bullet;
import dev.hark.ai.Passage;
import dev.hark.ai.Sentence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryReplyTest {

    private static final List<Passage> PASSAGES = List.of(
            passage(10, "Welcome to the show about gardening tomatoes."),
            passage(100, "Compost heaps need nitrogen and carbon balance."),
            passage(200, "Pruning roses before winter protects the stems."));

    private static Passage passage(double start, String text) {
        return new Passage(start, start + 90, List.of(), List.of(new Sentence(start, start + 90, null, text)));
    }

    @Test
    void bullets_are_read_cleaned_and_put_in_time_order() throws Exception {
        String reply = """
                In this episode, we cover:
                - **Pruning roses** before winter [03:20]
                * Compost balance — [1:40]
                1. Tomatoes [00:10]
                """;
        assertThat(SummaryReply.bullets(reply, PASSAGES, 7)).containsExactly(
                new Bullet("Tomatoes", 10), new Bullet("Compost balance", 100), new Bullet("Pruning roses before winter", 200));
    }

    @Test
    void a_bullet_without_a_usable_citation_starts_at_the_passage_sharing_most_words() throws Exception {
        String reply = """
                - Why compost needs nitrogen
                - Pruning roses [9:00:00]
                """;
        assertThat(SummaryReply.bullets(reply, PASSAGES, 7)).containsExactly(
                new Bullet("Why compost needs nitrogen", 100), new Bullet("Pruning roses", 200));
    }

    @Test
    void citations_a_little_outside_the_episode_are_clamped_to_it() throws Exception {
        String reply = "- Opening [00:02]\n- Closing words [04:52]\n";
        assertThat(SummaryReply.bullets(reply, PASSAGES, 7)).containsExactly(
                new Bullet("Opening", 10), new Bullet("Closing words", 290));
    }

    @Test
    void at_most_the_maximum_and_no_repeats_are_kept() throws Exception {
        String reply = "- One [00:10]\n- one [00:20]\n- Two [00:30]\n- Three [00:40]\n";
        assertThat(SummaryReply.bullets(reply, PASSAGES, 2)).containsExactly(new Bullet("One", 10), new Bullet("Two", 30));
    }

    @Test
    void cited_lines_count_when_the_model_writes_no_list() throws Exception {
        assertThat(SummaryReply.bullets("Tomatoes [00:10]\nRoses [03:20]", PASSAGES, 7))
                .containsExactly(new Bullet("Tomatoes", 10), new Bullet("Roses", 200));
    }

    @Test
    void a_reply_without_bullets_cannot_be_read() {
        assertThatThrownBy(() -> SummaryReply.bullets("I cannot help with that.", PASSAGES, 7))
                .isInstanceOf(LlmException.class)
                .hasMessage("The language model sent a reply Hark could not read.");
    }
}

package dev.hark.ai.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningFilterTest {

    private static String streamed(String... pieces) {
        ReasoningFilter filter = new ReasoningFilter();
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            out.append(filter.accept(piece));
        }
        return out.append(filter.finish()).toString();
    }

    @Test
    void a_think_block_is_dropped_even_when_its_tags_are_cut_between_pieces() {
        assertThat(streamed("<thi", "nk>reasoning</thi", "nk>", "\n\nAnswer [01:00].")).isEqualTo("Answer [01:00].");
        assertThat(ReasoningFilter.strip("<think>reasoning</think>\n\nAnswer.")).isEqualTo("Answer.");
    }

    @Test
    void text_that_only_looks_like_the_start_of_a_tag_is_kept() {
        assertThat(streamed("a < b and <", "b>bold</b> <th")).isEqualTo("a < b and <b>bold</b> <th");
        assertThat(streamed("No reasoning here.")).isEqualTo("No reasoning here.");
    }

    @Test
    void an_unfinished_think_block_shows_nothing() {
        assertThat(streamed("<think>still thinking when the reply ended")).isEmpty();
        assertThat(ReasoningFilter.strip("<think>still thinking")).isEmpty();
    }
}

package dev.hark.ai;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FillersTest {

    @Test
    void leading_fillers_are_removed_and_the_sentence_capitalised() {
        assertThat(Fillers.clean("So, yeah, I mean, the cluster fell over.")).isEqualTo("The cluster fell over.");
        assertThat(Fillers.clean("Yeah. You know, we test in production.")).isEqualTo("We test in production.");
    }

    @Test
    void hesitations_and_false_starts_are_removed() {
        assertThat(Fillers.clean("We — we built, um, a tool that, you know, breaks things."))
                .isEqualTo("We built a tool that breaks things.");
        assertThat(Fillers.clean("It's it's the the first step.")).isEqualTo("It's the first step.");
        assertThat(Fillers.clean("I, I think it works.")).isEqualTo("I think it works.");
    }

    @Test
    void trailing_hedges_are_removed() {
        assertThat(Fillers.clean("It's just crazy amounts of data, I think.")).isEqualTo("It's just crazy amounts of data.");
    }

    @Test
    void hedges_set_off_by_commas_are_removed() {
        assertThat(Fillers.clean("Ampt has been, I think, kind of spun out of the serverless framework."))
                .isEqualTo("Ampt has been spun out of the serverless framework.");
        assertThat(Fillers.clean("It was, I guess, the first one.")).isEqualTo("It was the first one.");
        assertThat(Fillers.clean("What kind of database is it?")).isEqualTo("What kind of database is it?");
    }

    @Test
    void a_clean_sentence_is_unchanged() {
        assertThat(Fillers.clean("Chaos engineering started at Google.")).isEqualTo("Chaos engineering started at Google.");
    }
}

package dev.hark.ai;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Bm25Test {

    @Test
    void common_forms_of_a_word_meet_after_stemming() {
        assertThat(List.of("deploy", "deploys", "deployed", "deploying").stream().map(Bm25::stem).distinct())
                .containsExactly("deploy");
        assertThat(List.of("run", "running", "runs").stream().map(Bm25::stem).distinct()).containsExactly("run");
        assertThat(List.of("create", "created", "creating", "creates").stream().map(Bm25::stem).distinct())
                .containsExactly("creat");
        assertThat(List.of("policy", "policies").stream().map(Bm25::stem).distinct()).containsExactly("policy");
        assertThat(List.of("class", "classes").stream().map(Bm25::stem).distinct()).containsExactly("class");
    }

    @Test
    void short_words_and_words_ending_in_ss_us_is_keep_their_ending() {
        assertThat(Bm25.stem("status")).isEqualTo("status");
        assertThat(Bm25.stem("analysis")).isEqualTo("analysis");
        assertThat(Bm25.stem("speed")).isEqualTo("speed");
        assertThat(Bm25.stem("bus")).isEqualTo("bus");
    }

    @Test
    void terms_drop_stopwords_and_possessives() {
        assertThat(Bm25.terms("What's the Kubernetes operator's job? We're deploying clusters."))
                .containsExactly("kubernet", "operator", "job", "deploy", "cluster");
    }

    @Test
    void a_passage_with_the_exact_rare_term_ranks_above_passages_without_it() {
        Bm25 bm25 = new Bm25(List.of(
                "We talked about databases and how teams pick one.",
                "Our Kubernetes clusters run the databases for every team.",
                "Teams and databases, teams and databases, all day long."));

        double[] scores = bm25.scores("kubernetes databases");

        assertThat(scores[1]).isGreaterThan(scores[0]).isGreaterThan(0);
        assertThat(scores[1]).isGreaterThan(scores[2]);
    }

    @Test
    void a_shorter_text_with_the_same_match_scores_higher() {
        Bm25 bm25 = new Bm25(List.of("serverless lambda", "serverless lambda and a very long tail of other words here"));

        double[] scores = bm25.scores("lambda");

        assertThat(scores[0]).isGreaterThan(scores[1]);
    }

    @Test
    void unknown_and_blank_questions_score_zero_everywhere() {
        Bm25 bm25 = new Bm25(List.of("one text about caching", "another about queues"));

        assertThat(bm25.scores("zyzzyva florble")).containsExactly(0, 0);
        assertThat(bm25.scores("")).containsExactly(0, 0);
        assertThat(new Bm25(List.of()).scores("caching")).isEmpty();
    }
}

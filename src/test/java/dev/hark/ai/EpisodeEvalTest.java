package dev.hark.ai;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EpisodeEvalTest {

    @Test
    void chapter_questions_ask_for_the_stretch_up_to_the_next_chapter() {
        assertThat(RetrievalEval.fromChapters(List.of(0.0, 60.0), List.of("Intro", "Tanzu"), 200)).containsExactly(
                new RetrievalEval.Question("Intro", 0, 60), new RetrievalEval.Question("Tanzu", 60, 201));
    }

    @Test
    void a_hit_is_a_top_passage_starting_inside_the_stretch_and_its_rank_is_kept() {
        List<Passage> passages = Passages.of(AiFixtures.demo());
        Embedder embedder = new HashingEmbedder();
        PassageRetriever retriever = new PassageRetriever(passages,
                embedder.embed(passages.stream().map(Passage::text).toList()), embedder);
        List<Hit> top = retriever.top("VMware Tanzu", 3);
        double firstStart = top.getFirst().passage().start();

        List<RetrievalEval.Outcome> outcomes = RetrievalEval.ask(retriever, List.of(
                new RetrievalEval.Question("VMware Tanzu", firstStart, firstStart + 0.001),
                new RetrievalEval.Question("VMware Tanzu", 10_000, 20_000)));

        assertThat(outcomes.get(0).rank()).isEqualTo(1);
        assertThat(outcomes.get(1).hit()).isFalse();
        RetrievalEval.Score score = RetrievalEval.score(outcomes);
        assertThat(score).isEqualTo(RetrievalEval.Score.of(2, 1, 1.0));
        assertThat(score.meanReciprocalRank()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void concatenated_episodes_follow_each_other_and_their_starts_are_the_joins() {
        List<Passage> first = Passages.of(AiFixtures.demo());
        List<Passage> second = Passages.of(AiFixtures.shared("vtt-talkpython-000-no-speakers.vtt"));

        EpisodeEval.Concatenation joined = EpisodeEval.concatenate(List.of(first, second), 2);

        double join = first.getLast().end() + 2;
        assertThat(joined.starts()).containsExactly(0.0, join);
        assertThat(joined.passages()).hasSize(first.size() + second.size());
        Passage shifted = joined.passages().get(first.size());
        assertThat(shifted.start()).isCloseTo(join + second.getFirst().start(), within(1e-9));
        assertThat(shifted.text()).isEqualTo(second.getFirst().text());
        assertThat(shifted.sentences().getFirst().start())
                .isCloseTo(join + second.getFirst().sentences().getFirst().start(), within(1e-9));

        List<RetrievalEval.Question> questions = EpisodeEval.keyphraseQuestions(joined, 3);
        assertThat(questions).hasSize(2);
        assertThat(questions.get(1).from()).isEqualTo(join);
        assertThat(questions).allSatisfy(question -> assertThat(question.text()).isNotBlank());
    }

    @Test
    void an_episode_is_scored_on_boundaries_and_retrieval() {
        List<Passage> passages = Passages.of(AiFixtures.demo());
        List<Double> starts = List.of(0.0, 62.429, 138.529, 195.032);
        List<RetrievalEval.Question> questions = RetrievalEval.fromChapters(starts,
                List.of("Welcome, and meet Gustavo Franco", "What is VMware Tanzu?", "A common platform for reliability",
                        "SRE beyond SRE"), passages.getLast().end());

        EpisodeEval.Result result = new EpisodeEval(new HashingEmbedder()).evaluate("demo", passages, starts, questions);

        assertThat(result.boundaries().reference()).isEqualTo(3);
        assertThat(result.predicted().getFirst()).isZero();
        assertThat(result.retrieval().questions()).isEqualTo(4);
        assertThat(result.outcomes()).allSatisfy(outcome -> assertThat(outcome.starts()).hasSize(3));
    }
}

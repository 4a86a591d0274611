package dev.hark.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * How often retrieval finds the right part of an episode: each question names a stretch of
 * time (a chapter), and it is a hit when any of the top {@link #TOP} passages starts inside
 * that stretch. Pure given the retriever; thread-safe if it is.
 */
public final class RetrievalEval {

    /** How many passages are looked at per question: what an answer quotes. */
    public static final int TOP = ExtractiveAnswer.PASSAGES;

    private RetrievalEval() {
    }

    /** A question whose answer lies in {@code [from, to)} seconds. */
    public record Question(String text, double from, double to) {
    }

    /**
     * One question's outcome: the start of each retrieved passage, best first, and the rank
     * (from 1) of the first one inside the stretch, 0 when none is (a miss).
     */
    public record Outcome(Question question, List<Double> starts, int rank) {

        public Outcome {
            starts = List.copyOf(starts);
        }

        public boolean hit() {
            return rank > 0;
        }
    }

    /**
     * @param questions          how many were asked, {@code hits} how many found their stretch
     * @param reciprocalRankSum  the sum of 1/rank of the first right passage (0 for a miss),
     *                           kept so that totals can be summed
     * @param meanReciprocalRank that sum over the questions: 1 when the best passage is always right
     */
    public record Score(int questions, int hits, double hitRate, double reciprocalRankSum, double meanReciprocalRank) {

        public static Score of(int questions, int hits, double reciprocalRankSum) {
            return new Score(questions, hits, questions == 0 ? 0 : (double) hits / questions, reciprocalRankSum,
                    questions == 0 ? 0 : reciprocalRankSum / questions);
        }

        public Score plus(Score other) {
            return of(questions + other.questions, hits + other.hits, reciprocalRankSum + other.reciprocalRankSum);
        }
    }

    /** Questions from chapters: each title asks for its chapter, up to the next one's start. */
    public static List<Question> fromChapters(List<Double> starts, List<String> titles, double end) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double to = i + 1 < starts.size() ? starts.get(i + 1) : Math.max(end, starts.get(i)) + 1;
            questions.add(new Question(titles.get(i), starts.get(i), to));
        }
        return questions;
    }

    public static List<Outcome> ask(PassageRetriever retriever, List<Question> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Question question : questions) {
            List<Double> starts = retriever.top(question.text(), TOP).stream().map(hit -> hit.passage().start()).toList();
            int rank = 0;
            for (int i = 0; i < starts.size() && rank == 0; i++) {
                if (starts.get(i) >= question.from() && starts.get(i) < question.to()) {
                    rank = i + 1;
                }
            }
            outcomes.add(new Outcome(question, starts, rank));
        }
        return outcomes;
    }

    public static Score score(List<Outcome> outcomes) {
        return Score.of(outcomes.size(), (int) outcomes.stream().filter(Outcome::hit).count(),
                outcomes.stream().mapToDouble(outcome -> outcome.hit() ? 1.0 / outcome.rank() : 0).sum());
    }
}

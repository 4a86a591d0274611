package dev.hark.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Measures the local pipeline on one episode against reference chapters: boundaries from
 * {@link TopicChapters} (never shown the reference) scored by {@link ChapterEval}, and
 * retrieval by {@link RetrievalEval}. Also builds the synthetic benchmark: different episodes
 * played one after another, where the true boundaries are the joins. Thread-safe if the
 * embedder is.
 */
public final class EpisodeEval {

    private final Embedder embedder;
    private final PassageRetriever.Fusion fusion;

    public EpisodeEval(Embedder embedder) {
        this(embedder, PassageRetriever.Fusion.WEIGHTED);
    }

    public EpisodeEval(Embedder embedder, PassageRetriever.Fusion fusion) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.fusion = Objects.requireNonNull(fusion, "fusion");
    }

    /** One episode's figures, with what they were computed from. */
    public record Result(String name, List<Double> reference, List<Double> predicted, ChapterEval.Score boundaries,
                         List<RetrievalEval.Outcome> outcomes, RetrievalEval.Score retrieval) {

        public Result {
            reference = List.copyOf(reference);
            predicted = List.copyOf(predicted);
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * @param reference the reference chapter starts in seconds (the opening one included or not)
     * @param questions what to ask of the retriever, each with the stretch holding its answer
     */
    public Result evaluate(String name, List<Passage> passages, List<Double> reference,
                           List<RetrievalEval.Question> questions) {
        float[][] vectors = embedder.embed(passages.stream().map(Passage::text).toList());
        List<Double> predicted = new TopicChapters(embedder).chapters(passages, vectors).stream()
                .map(TopicChapter::start).toList();
        ChapterEval.Score boundaries = ChapterEval.boundaries(predicted, reference, ChapterEval.TOLERANCE_SECONDS);
        PassageRetriever retriever = new PassageRetriever(passages, vectors, embedder, fusion);
        List<RetrievalEval.Outcome> outcomes = RetrievalEval.ask(retriever, questions);
        return new Result(name, reference, predicted, boundaries, outcomes, RetrievalEval.score(outcomes));
    }

    /** Episodes played back to back: their passages, and where each episode starts. */
    public record Concatenation(List<Passage> passages, List<Double> starts) {

        public Concatenation {
            passages = List.copyOf(passages);
            starts = List.copyOf(starts);
        }
    }

    /** The episodes' passages, each episode's time 0 put {@code gap} seconds after the previous one's last passage. */
    public static Concatenation concatenate(List<List<Passage>> episodes, double gap) {
        List<Passage> all = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        double offset = 0;
        for (List<Passage> episode : episodes) {
            if (episode.isEmpty()) {
                continue;
            }
            // each episode keeps its own timeline (its time 0 is the join), leading silence and all
            starts.add(offset);
            for (Passage passage : episode) {
                all.add(shifted(passage, offset));
            }
            offset = all.getLast().end() + gap;
        }
        return new Concatenation(all, starts);
    }

    private static Passage shifted(Passage passage, double shift) {
        List<Sentence> sentences = passage.sentences().stream()
                .map(s -> new Sentence(s.start() + shift, s.end() + shift, s.speaker(), s.text()))
                .toList();
        return new Passage(passage.start() + shift, passage.end() + shift, passage.speakers(), sentences);
    }

    /**
     * Questions for a concatenation: each episode's top {@code phrases} keyphrases (against the
     * other episodes) joined, asking for that episode's stretch.
     */
    public static List<RetrievalEval.Question> keyphraseQuestions(Concatenation concatenation, int phrases) {
        List<Double> starts = concatenation.starts();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double from = starts.get(i);
            double to = i + 1 < starts.size() ? starts.get(i + 1) : Double.POSITIVE_INFINITY;
            StringBuilder text = new StringBuilder();
            for (Passage passage : concatenation.passages()) {
                if (passage.start() >= from && passage.start() < to) {
                    text.append(passage.text()).append(' ');
                }
            }
            texts.add(text.toString());
        }
        List<List<String>> best = Keyphrases.of(texts, phrases);
        double end = concatenation.passages().isEmpty() ? 0 : concatenation.passages().getLast().end();
        return RetrievalEval.fromChapters(starts, best.stream().map(list -> String.join(", ", list)).toList(), end);
    }
}

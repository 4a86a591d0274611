package dev.hark.ai.episode;

import dev.hark.ai.Answer;
import dev.hark.ai.Citation;
import dev.hark.ai.Embedder;
import dev.hark.ai.ExtractiveAnswer;
import dev.hark.ai.Hit;
import dev.hark.ai.PassageRetriever;
import dev.hark.ai.llm.LlmAnswer;
import dev.hark.ai.llm.WithFallback;
import dev.hark.library.NotFoundException;

import java.util.List;

/**
 * "Ask this episode": finds the passages that best match a question (BM25 and embeddings) and
 * answers from them, citing their moments. Without a language model the answer is those
 * passages, labelled as such. Thread-safe.
 */
public final class EpisodeAsk {

    /** Longest question accepted, in characters. */
    public static final int MAX_QUESTION = 500;

    /** What the fallback shows, for the notice when the language model fails. */
    static final String BEST_PASSAGES = "the best passages instead";

    private final EpisodeInsights insights;
    private final Embedder embedder;

    public EpisodeAsk(EpisodeInsights insights, Embedder embedder) {
        this.insights = insights;
        this.embedder = embedder;
    }

    /** Hears the answer as it is made: first the moments it rests on, then its text in pieces. */
    public interface Listener {
        void citations(List<Citation> citations);

        void text(String piece);

        /** What was sent as text so far is void (the language model failed mid-answer); the text starts again. */
        default void restart() {
        }
    }

    /**
     * The whole answer; its JSON (Jackson writes records by component) is the API and CLI contract
     * {@code {"question","answer","citations":[{"start","end","text","speaker"}],"method","notice"}}.
     *
     * @param method how it was made: {@code extractive:<embedder>} (best passages) or {@code llm:<model>}
     * @param notice something the reader should know (e.g. the language model failed), or null
     */
    public record Reply(String question, String answer, List<Citation> citations, String method, String notice) {
        public Reply {
            citations = List.copyOf(citations);
        }
    }

    /**
     * Answers a question about an episode.
     *
     * @throws NotFoundException        when the episode has no transcript to answer from
     * @throws IllegalArgumentException when the question is blank or too long
     */
    public Reply ask(long episodeId, String question, Listener listener) throws InterruptedException {
        String asked = question == null ? "" : question.strip();
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("Ask a question.");
        }
        if (asked.length() > MAX_QUESTION) {
            throw new IllegalArgumentException("The question is too long (at most " + MAX_QUESTION + " characters).");
        }
        EpisodeInsights.Analysed analysed = insights.analyse(episodeId).orElseThrow(() -> new NotFoundException(
                "Episode " + episodeId + " has no transcript yet, so there is nothing to answer from."));
        List<Hit> hits = new PassageRetriever(analysed.passages(), analysed.vectors(), embedder).top(asked, 6);
        Answer passages = new ExtractiveAnswer(embedder).answer(asked, hits);
        listener.citations(passages.citations());
        LanguageModel model = insights.model();
        if (model == null) {
            listener.text(passages.text());
            return new Reply(asked, passages.text(), passages.citations(), passages.method(), null);
        }
        boolean[] streamed = {false};
        WithFallback.Outcome<String> outcome = WithFallback.run(
                () -> new LlmAnswer(model.llm(), model.settings()).answer(asked,
                        hits.stream().map(Hit::passage).toList(), piece -> {
                            streamed[0] = true;
                            listener.text(piece);
                        }),
                () -> passages.text(), BEST_PASSAGES);
        if (outcome.fellBack()) {
            if (streamed[0]) {
                listener.restart();
            }
            listener.text(passages.text());
            return new Reply(asked, passages.text(), passages.citations(), passages.method(), outcome.notice().get());
        }
        return new Reply(asked, outcome.value(), passages.citations(), model.method(), null);
    }
}

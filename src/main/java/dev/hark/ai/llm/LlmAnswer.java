package dev.hark.ai.llm;

import dev.hark.ai.Passage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers a question from retrieved transcript passages, citing the moments it draws on as
 * {@code [mm:ss]}, and saying so when the passages do not hold the answer. Thread-safe if the
 * {@link Llm} is.
 */
public final class LlmAnswer {

    /** Stored with cached answers; raise it when the prompt changes. */
    public static final int PROMPT_VERSION = 1;
    /** What is said, without asking the model, when retrieval found nothing. */
    public static final String NOTHING_FOUND = "The transcripts searched say nothing about that.";

    static final String SYSTEM = "You answer questions about podcast episodes using only the transcript excerpts "
            + "given. Each excerpt line starts with the moment it is spoken, as [mm:ss] or [h:mm:ss]. After each "
            + "statement, cite the moment it comes from in that same form, for example [12:05]. Answer from the "
            + "excerpts only: if they do not contain the answer, say so plainly instead of guessing or using outside "
            + "knowledge. Answer briefly, in the language of the question.";

    private final Llm llm;
    private final LlmSettings settings;

    public LlmAnswer(Llm llm, LlmSettings settings) {
        this.llm = llm;
        this.settings = settings;
    }

    /**
     * Streams the answer.
     *
     * @param passages the retrieved passages, best first; those that do not fit the context are left out from the end
     * @param onToken  told each piece of the answer as it arrives
     * @return the whole answer
     */
    public String answer(String question, List<Passage> passages, Consumer<String> onToken)
            throws LlmException, InterruptedException {
        List<Passage> kept = fitting(passages, settings.contextTokens() - LlmSummary.RESERVED_TOKENS
                - TranscriptChunks.tokens(question));
        if (kept.isEmpty()) {
            onToken.accept(NOTHING_FOUND);
            return NOTHING_FOUND;
        }
        String prompt = "Excerpts:\n" + TranscriptChunks.render(kept) + "\n\nQuestion: " + question.strip();
        return llm.chat(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt)), onToken);
    }

    /** The best passages that fit the budget, in time order so the model reads them as they were said. */
    static List<Passage> fitting(List<Passage> passages, int budget) {
        List<Passage> kept = new ArrayList<>();
        int tokens = 0;
        for (Passage passage : passages) {
            int size = TranscriptChunks.tokens(TranscriptChunks.render(passage)) + 1;
            if (tokens + size > budget) {
                break;
            }
            kept.add(passage);
            tokens += size;
        }
        kept.sort(Comparator.comparingDouble(Passage::start));
        return kept;
    }
}

package dev.hark.ai.llm;

import dev.hark.ai.Bullet;
import dev.hark.ai.ExtractiveSummary;
import dev.hark.ai.Passage;
import dev.hark.ai.Summary;

import java.util.ArrayList;
import java.util.List;

/**
 * "In this episode, we cover:" written by a language model, each bullet citing the moment its
 * topic starts. A transcript that fits the context is summarised in one call; a longer one is
 * map-reduced: notes per chunk (each citing moments), then the bullets from the notes, with the
 * notes condensed first should even they not fit. Thread-safe if the {@link Llm} is.
 */
public final class LlmSummary {

    /** Stored with cached summaries; raise it when the prompts change so they are made again. */
    public static final int PROMPT_VERSION = 1;
    static final int MAX_BULLETS = 7;
    /** Room kept in the context for the instructions and the reply. */
    static final int RESERVED_TOKENS = 1500;

    static final String SYSTEM = "You summarise podcast episodes for their listeners. Transcript lines start with "
            + "the moment they are spoken, as [mm:ss] or [h:mm:ss]. Use only what the transcript says, and write in "
            + "the language of the transcript.";
    static final String MAP_MARK = "Part of the transcript";
    static final String REDUCE_MARK = "From these notes";
    private static final String LINE_FORMAT = "Each bullet is one line, \"- what is discussed [mm:ss]\", ending with "
            + "the moment where that topic starts";
    private static final String NO_MORE = "Write nothing else: no heading, no introduction, no closing remark.";

    private final Llm llm;
    private final LlmSettings settings;

    public LlmSummary(Llm llm, LlmSettings settings) {
        this.llm = llm;
        this.settings = settings;
    }

    /** How this summary is recorded, {@code llm:MODEL}. */
    public String method() {
        return "llm:" + settings.model();
    }

    /**
     * Summarises the passages of one episode.
     *
     * @throws LlmException when the model fails or its reply holds no bullet
     */
    public Summary summarize(List<Passage> passages) throws LlmException, InterruptedException {
        if (passages.isEmpty()) {
            return new Summary(List.of(), method());
        }
        int budget = budget();
        int wanted = ExtractiveSummary.bulletCount(passages.getLast().end() - passages.getFirst().start());
        String reply;
        List<List<Passage>> chunks = TranscriptChunks.of(passages, budget);
        if (chunks.size() == 1) {
            reply = ask("Transcript:\n" + TranscriptChunks.render(passages) + "\n\nWrite an \"In this episode, we "
                    + "cover:\" list of " + wanted + " bullets about the main topics, in the order they come up. "
                    + LINE_FORMAT + ", copied from the transcript. " + NO_MORE);
        } else {
            List<String> notes = new ArrayList<>();
            for (List<Passage> chunk : chunks) {
                notes.add(ask(MAP_MARK + ", " + Moments.format(chunk.getFirst().start()) + " to "
                        + Moments.format(chunk.getLast().end()) + ":\n" + TranscriptChunks.render(chunk)
                        + "\n\nWrite notes on the topics discussed in this part: at most 5 lines, each \"- topic in "
                        + "a few words [mm:ss]\" with the moment it starts, copied from the transcript. " + NO_MORE));
            }
            reply = ask("Notes on the parts of one episode, in order:\n" + fit(condense(notes, budget), budget)
                    + "\n\n" + REDUCE_MARK + ", write an \"In this episode, we cover:\" list of " + wanted
                    + " bullets about the main topics of the whole episode, in the order they come up. " + LINE_FORMAT
                    + ", copied from the notes. " + NO_MORE);
        }
        List<Bullet> bullets = SummaryReply.bullets(reply, passages, MAX_BULLETS);
        return new Summary(bullets, method());
    }

    /** Tokens of transcript one call may carry. */
    int budget() {
        return settings.contextTokens() - RESERVED_TOKENS;
    }

    /** Notes merged batch by batch until they fit the budget, or until merging stops helping. */
    private List<String> condense(List<String> notes, int budget) throws LlmException, InterruptedException {
        List<String> current = notes;
        while (TranscriptChunks.tokens(String.join("\n", current)) > budget && current.size() > 1) {
            List<List<String>> batches = batches(current, budget);
            if (batches.size() == current.size()) {
                break;
            }
            List<String> merged = new ArrayList<>();
            for (List<String> batch : batches) {
                merged.add(batch.size() == 1 ? batch.getFirst() : ask("Notes on consecutive parts of one episode:\n"
                        + String.join("\n", batch) + "\n\nMerge them into at most 8 lines of notes, each \"- topic "
                        + "[mm:ss]\", keeping the moments cited. " + NO_MORE));
            }
            current = merged;
        }
        return current;
    }

    private static List<List<String>> batches(List<String> notes, int budget) {
        List<List<String>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int tokens = 0;
        for (String note : notes) {
            int size = TranscriptChunks.tokens(note) + 1;
            if (!batch.isEmpty() && tokens + size > budget) {
                batches.add(batch);
                batch = new ArrayList<>();
                tokens = 0;
            }
            batch.add(note);
            tokens += size;
        }
        batches.add(batch);
        return batches;
    }

    /** The notes, cut at the budget as a last resort. */
    private static String fit(List<String> notes, int budget) {
        String joined = String.join("\n", notes);
        return joined.length() <= budget * 4 ? joined : joined.substring(0, budget * 4);
    }

    private String ask(String prompt) throws LlmException, InterruptedException {
        return llm.chat(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt)));
    }
}

package dev.hark.ai.episode;

import java.time.Instant;
import java.util.Objects;

/**
 * One cached AI result for an episode.
 *
 * @param feature       {@link #SUMMARY}, {@link #CHAPTERS} or {@link #MENTIONS}
 * @param method        how it was made: {@code extractive:<embedder>} or {@code llm:<model>}
 * @param promptVersion the version of the prompt (or local algorithm) that made it
 * @param transcriptAt  when the transcript it was made from was saved; a newer transcript makes it stale
 * @param json          the result itself, written by {@link InsightCodec}
 * @param notice        something the reader should know (e.g. the LLM failed and this is the fallback), or null
 */
public record AiResult(long episodeId, String feature, String method, int promptVersion, Instant transcriptAt,
                       String json, String notice, Instant madeAt) {

    public static final String SUMMARY = "summary";
    public static final String CHAPTERS = "chapters";
    public static final String MENTIONS = "mentions";

    public AiResult {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(transcriptAt, "transcriptAt");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(madeAt, "madeAt");
    }

    public boolean isLlm() {
        return method.startsWith("llm:");
    }
}

package dev.hark.ai.episode;

import dev.hark.ai.llm.Llm;
import dev.hark.ai.llm.LlmSettings;

import java.util.Objects;

/** A configured language model and its settings (context size): what the LLM steps need. */
public record LanguageModel(Llm llm, LlmSettings settings) {

    public LanguageModel {
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(settings, "settings");
    }

    /** {@code llm:<model>}, as results record it. */
    public String method() {
        return llm.name();
    }
}

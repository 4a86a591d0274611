package dev.hark.ai.llm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a language-model step and, when it fails, the local extractive step instead, with a
 * notice for the user saying so:
 *
 * <pre>{@code
 * Outcome<Summary> outcome = WithFallback.run(() -> llmSummary.summarize(passages),
 *         () -> extractive.summarize(passages), WithFallback.EXTRACTIVE_SUMMARY);
 * outcome.notice().ifPresent(page::warn);
 * }</pre>
 *
 * An interrupt is not a failure: it is passed on and nothing falls back. Thread-safe (stateless).
 */
public final class WithFallback {

    public static final String EXTRACTIVE_SUMMARY = "the extractive summary";
    public static final String EXTRACTIVE_CHAPTERS = "the extractive chapter titles";
    private static final Logger log = LoggerFactory.getLogger(WithFallback.class);

    /** A step that asks the language model. */
    @FunctionalInterface
    public interface LlmStep<T> {
        T run() throws LlmException, InterruptedException;
    }

    /**
     * What came out.
     *
     * @param notice one sentence for the user when the fallback was used; empty when the model answered
     */
    public record Outcome<T>(T value, Optional<String> notice) {

        public boolean fellBack() {
            return notice.isPresent();
        }
    }

    private WithFallback() {
    }

    /**
     * {@code step}'s value, or {@code fallback}'s with a notice if the step throws {@link LlmException}.
     *
     * @param fallbackName what the fallback shows, for the notice, e.g. {@link #EXTRACTIVE_SUMMARY}
     */
    public static <T> Outcome<T> run(LlmStep<T> step, Supplier<T> fallback, String fallbackName)
            throws InterruptedException {
        try {
            return new Outcome<>(step.run(), Optional.empty());
        } catch (LlmException e) {
            log.warn("{} Falling back to {}.", e.getMessage(), fallbackName);
            log.debug("Language model failure", e);
            return new Outcome<>(fallback.get(), Optional.of(notice(e, fallbackName)));
        }
    }

    /** "The language model failed (the reason); showing the extractive summary." */
    public static String notice(LlmException failure, String fallbackName) {
        String reason = failure.getMessage() == null ? "" : failure.getMessage().strip().replaceAll("[.]+$", "");
        if (reason.length() > 1 && Character.isUpperCase(reason.charAt(0)) && !Character.isUpperCase(reason.charAt(1))) {
            reason = reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return "The language model failed" + (reason.isEmpty() ? "" : " (" + reason + ")") + "; showing "
                + fallbackName + ".";
    }
}

package dev.hark.transcript.engine;

/**
 * How the "transcribe" job runs whisper.cpp.
 *
 * @param model         a model name or a model file's path; null to choose by the feed's language
 *                      (base.en for English or unknown, base otherwise)
 * @param threads       whisper.cpp threads
 * @param windowSeconds audio per whisper.cpp call: the unit of progress, cancellation and resume
 */
public record TranscribeSettings(String model, int threads, double windowSeconds) {

    public TranscribeSettings {
        model = model == null || model.isBlank() ? null : model.strip();
        new WhisperEngine.Settings(threads, windowSeconds, null); // same checks
    }

    public static TranscribeSettings defaults() {
        return new TranscribeSettings(null, 2, 120);
    }

    /** The model for a feed in {@code language}. */
    public String modelFor(String language) {
        return model != null ? model : ModelStore.defaultFor(language);
    }

    /** The language to tell whisper.cpp: English for .en models, the feed's otherwise (null: detect). */
    static String whisperLanguage(String model, String feedLanguage) {
        if (model.endsWith(".en") || model.endsWith(".en.bin")) {
            return "en";
        }
        if (feedLanguage == null || feedLanguage.isBlank()) {
            return null;
        }
        String primary = feedLanguage.strip().toLowerCase(java.util.Locale.ROOT);
        int dash = primary.indexOf('-');
        return dash > 0 ? primary.substring(0, dash) : primary;
    }
}

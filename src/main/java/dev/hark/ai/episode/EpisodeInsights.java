package dev.hark.ai.episode;

import dev.hark.ai.Bullet;
import dev.hark.ai.Embedder;
import dev.hark.ai.ExtractiveSummary;
import dev.hark.ai.Mention;
import dev.hark.ai.MentionHints;
import dev.hark.ai.Mentions;
import dev.hark.ai.Sentence;
import dev.hark.ai.Passage;
import dev.hark.ai.Passages;
import dev.hark.ai.Summary;
import dev.hark.ai.TopicChapter;
import dev.hark.ai.TopicChapters;
import dev.hark.ai.llm.LlmChapterTitles;
import dev.hark.ai.llm.LlmMentions;
import dev.hark.ai.llm.LlmSummary;
import dev.hark.ai.llm.WithFallback;
import dev.hark.transcript.StoredTranscript;
import dev.hark.transcript.TranscriptRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * The AI of one library episode: makes its summary, chapters and mentions from the stored
 * transcript, caches them, and reads them back for the episode page. Thread-safe.
 */
public final class EpisodeInsights {

    /** The version of the local pipeline; bump it when its output changes so caches are remade. */
    public static final int EXTRACTIVE_VERSION = 2;

    private final TranscriptRepository transcripts;
    private final InsightRepository store;
    private final Embedder embedder;
    private final LongFunction<MentionHints> hints;
    private final LanguageModel model;
    private final Clock clock;

    /**
     * @param hints what the feed says about an episode's names (its persons and show-note link
     *              texts; speakers are added here from the transcript)
     * @param model the language model that writes summaries and chapter titles, or null to do it all locally
     */
    public EpisodeInsights(TranscriptRepository transcripts, InsightRepository store, Embedder embedder,
                           LongFunction<MentionHints> hints, LanguageModel model, Clock clock) {
        this.transcripts = transcripts;
        this.store = store;
        this.embedder = embedder;
        this.hints = hints;
        this.model = model;
        this.clock = clock;
    }

    /** The language model in use, or null. */
    public LanguageModel model() {
        return model;
    }

    /** An episode's passages with their embeddings, from the transcript as it is now. */
    public record Analysed(StoredTranscript transcript, List<Passage> passages, float[][] vectors) {
    }

    /**
     * The passages of the episode's transcript and their embeddings, computed and stored once
     * per transcript; empty when the episode has no transcript.
     */
    public Optional<Analysed> analyse(long episodeId) {
        Optional<StoredTranscript> stored = transcripts.find(episodeId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredTranscript transcript = stored.get();
        List<Passage> passages = Passages.of(transcript.transcript());
        var cached = store.findVectors(episodeId)
                .filter(v -> v.transcriptAt().equals(transcript.createdAt()) && v.embedder().equals(embedder.name())
                        && v.vectors().length == passages.size());
        float[][] vectors;
        if (cached.isPresent()) {
            vectors = cached.get().vectors();
        } else {
            vectors = embedder.embed(passages.stream().map(Passage::text).toList());
            store.saveVectors(episodeId, transcript.createdAt(), embedder.name(), vectors, clock.instant());
        }
        return Optional.of(new Analysed(transcript, passages, vectors));
    }

    /**
     * Makes and stores the summary, chapters and mentions of an episode; false when it has no
     * transcript. Progress goes to {@code progress} as (fraction, message).
     */
    public boolean generate(long episodeId, BiConsumer<Double, String> progress) throws InterruptedException {
        progress.accept(0.0, "Reading the transcript");
        progress.accept(0.05, "Embedding passages");
        Optional<Analysed> maybe = analyse(episodeId);
        if (maybe.isEmpty()) {
            return false;
        }
        Analysed analysed = maybe.get();
        Instant transcriptAt = analysed.transcript().createdAt();
        List<Passage> passages = analysed.passages();
        String extractive = "extractive:" + embedder.name();

        progress.accept(0.4, model == null ? "Summarising" : "Summarising with " + model.settings().model());
        ExtractiveSummary local = new ExtractiveSummary(embedder);
        if (model == null) {
            save(episodeId, AiResult.SUMMARY, extractive, EXTRACTIVE_VERSION, transcriptAt,
                    local.summarize(passages, analysed.vectors()).bullets(), null);
        } else {
            WithFallback.Outcome<Summary> outcome = WithFallback.run(
                    () -> new LlmSummary(model.llm(), model.settings()).summarize(passages),
                    () -> local.summarize(passages, analysed.vectors()), WithFallback.EXTRACTIVE_SUMMARY);
            Summary summary = outcome.value();
            save(episodeId, AiResult.SUMMARY, summary.method(), outcome.fellBack() ? EXTRACTIVE_VERSION
                    : LlmSummary.PROMPT_VERSION, transcriptAt, summary.bullets(), outcome.notice().orElse(null));
        }

        progress.accept(0.75, "Finding chapters");
        List<TopicChapter> chapters = new TopicChapters(embedder).chapters(passages, analysed.vectors());
        if (model == null || chapters.size() < 2) {
            save(episodeId, AiResult.CHAPTERS, extractive, EXTRACTIVE_VERSION, transcriptAt, chapters, null);
        } else {
            List<LlmChapterTitles.Chapter> texts = chapterTexts(chapters, passages);
            WithFallback.Outcome<List<TopicChapter>> outcome = WithFallback.run(
                    () -> new LlmChapterTitles(model.llm(), model.settings()).titles(texts),
                    () -> chapters, WithFallback.EXTRACTIVE_CHAPTERS);
            save(episodeId, AiResult.CHAPTERS, outcome.fellBack() ? extractive : model.method(),
                    outcome.fellBack() ? EXTRACTIVE_VERSION : LlmChapterTitles.PROMPT_VERSION, transcriptAt,
                    outcome.value(), outcome.notice().orElse(null));
        }

        progress.accept(0.9, "Finding names mentioned");
        List<Mention> mentions = Mentions.find(sentences(analysed), withSpeakers(hints.apply(episodeId), analysed));
        if (model == null) {
            save(episodeId, AiResult.MENTIONS, extractive, EXTRACTIVE_VERSION, transcriptAt, mentions, null);
        } else {
            progress.accept(0.92, "Finding names mentioned with " + model.settings().model());
            WithFallback.Outcome<List<Mention>> outcome = WithFallback.run(
                    () -> new LlmMentions(model.llm(), model.settings()).find(passages, mentions),
                    () -> mentions, "the names found locally");
            save(episodeId, AiResult.MENTIONS, outcome.fellBack() ? extractive : model.method(),
                    outcome.fellBack() ? EXTRACTIVE_VERSION : LlmMentions.PROMPT_VERSION, transcriptAt,
                    outcome.value(), outcome.notice().orElse(null));
        }
        progress.accept(1.0, "Done");
        return true;
    }

    /** Each chapter's start and the text of its passages, for the language model to title. */
    static List<LlmChapterTitles.Chapter> chapterTexts(List<TopicChapter> chapters, List<Passage> passages) {
        List<LlmChapterTitles.Chapter> texts = new java.util.ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            double from = chapters.get(i).start();
            double to = i + 1 < chapters.size() ? chapters.get(i + 1).start() : Double.MAX_VALUE;
            StringBuilder text = new StringBuilder();
            for (Passage passage : passages) {
                if (passage.start() >= from - 0.001 && passage.start() < to - 0.001) {
                    text.append(passage.text()).append(' ');
                }
            }
            texts.add(new LlmChapterTitles.Chapter(from, text.toString().strip()));
        }
        return texts;
    }

    private static List<Sentence> sentences(Analysed analysed) {
        return analysed.passages().stream().flatMap(p -> p.sentences().stream()).toList();
    }

    private static MentionHints withSpeakers(MentionHints hints, Analysed analysed) {
        List<String> speakers = analysed.transcript().transcript().segments().stream()
                .map(dev.hark.transcript.Segment::speaker).filter(java.util.Objects::nonNull).distinct().toList();
        return new MentionHints(hints.persons(), speakers, hints.linkTexts());
    }

    private void save(long episodeId, String feature, String method, int version, Instant transcriptAt, Object value,
                      String notice) {
        store.save(new AiResult(episodeId, feature, method, version, transcriptAt, InsightCodec.write(value), notice,
                clock.instant()));
    }

    /** What has been made for an episode, for its page. */
    public record Insights(Result<List<Bullet>> summary, Result<List<TopicChapter>> chapters,
                           Result<List<Mention>> mentions) {

        /** True when something is not stored for the current transcript: a job should make it. */
        public boolean missing() {
            return summary == null || chapters == null || mentions == null;
        }
    }

    /** One result and how it was made. */
    public record Result<T>(T value, String method, String notice, Instant madeAt) {
    }

    /** The freshest results for the episode's current transcript; empty when it has no transcript. */
    public Optional<Insights> find(long episodeId) {
        // only the transcript's stamp is needed: the page and the player ask on every request
        Optional<Instant> stamp = transcripts.createdAt(episodeId);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        Instant at = stamp.get();
        return Optional.of(new Insights(
                best(episodeId, AiResult.SUMMARY, at).map(r -> result(r, InsightCodec.bullets(r.json()))).orElse(null),
                best(episodeId, AiResult.CHAPTERS, at).map(r -> result(r, InsightCodec.chapters(r.json()))).orElse(null),
                best(episodeId, AiResult.MENTIONS, at).map(r -> result(r, InsightCodec.mentions(r.json()))).orElse(null)));
    }

    /** Forgets an episode's results so the next job makes them again. */
    public int forget(long episodeId) {
        return store.clearResults(episodeId);
    }

    private Optional<AiResult> best(long episodeId, String feature, Instant transcriptAt) {
        return store.find(episodeId, feature).stream()
                .filter(r -> r.transcriptAt().equals(transcriptAt) && isCurrent(r))
                .max(Comparator.comparing(AiResult::isLlm).thenComparing(AiResult::madeAt));
    }

    /**
     * Whether a stored result is what the current set-up would make: made by this embedder's
     * pipeline version or this model's prompt version. With a model configured, a local
     * result counts only when it is the fallback of a failed model (it carries a notice).
     */
    private boolean isCurrent(AiResult result) {
        if (result.isLlm()) {
            return model != null && result.method().equals(model.method()) && result.promptVersion() == llmVersion(result.feature());
        }
        boolean local = result.method().equals("extractive:" + embedder.name()) && result.promptVersion() == EXTRACTIVE_VERSION;
        return local && (model == null || result.notice() != null);
    }

    private static int llmVersion(String feature) {
        return switch (feature) {
            case AiResult.SUMMARY -> LlmSummary.PROMPT_VERSION;
            case AiResult.MENTIONS -> LlmMentions.PROMPT_VERSION;
            default -> LlmChapterTitles.PROMPT_VERSION;
        };
    }

    private static <T> Result<T> result(AiResult row, T value) {
        return new Result<>(value, row.method(), row.notice(), row.madeAt());
    }
}

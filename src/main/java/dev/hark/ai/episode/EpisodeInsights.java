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
    public static final int EXTRACTIVE_VERSION = 1;

    private final TranscriptRepository transcripts;
    private final InsightRepository store;
    private final Embedder embedder;
    private final LongFunction<MentionHints> hints;
    private final Clock clock;

    /**
     * @param hints what the feed says about an episode's names (its persons and show-note link
     *              texts; speakers are added here from the transcript)
     */
    public EpisodeInsights(TranscriptRepository transcripts, InsightRepository store, Embedder embedder,
                           LongFunction<MentionHints> hints, Clock clock) {
        this.transcripts = transcripts;
        this.store = store;
        this.embedder = embedder;
        this.hints = hints;
        this.clock = clock;
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
    public boolean generate(long episodeId, BiConsumer<Double, String> progress) {
        progress.accept(0.0, "Reading the transcript");
        progress.accept(0.05, "Embedding passages");
        Optional<Analysed> maybe = analyse(episodeId);
        if (maybe.isEmpty()) {
            return false;
        }
        Analysed analysed = maybe.get();
        Instant transcriptAt = analysed.transcript().createdAt();
        String method = "extractive:" + embedder.name();
        progress.accept(0.5, "Summarising");
        Summary summary = new ExtractiveSummary(embedder).summarize(analysed.passages(), analysed.vectors());
        save(episodeId, AiResult.SUMMARY, method, EXTRACTIVE_VERSION, transcriptAt, summary.bullets(), null);
        progress.accept(0.75, "Finding chapters");
        List<TopicChapter> chapters = new TopicChapters(embedder).chapters(analysed.passages(), analysed.vectors());
        save(episodeId, AiResult.CHAPTERS, method, EXTRACTIVE_VERSION, transcriptAt, chapters, null);
        progress.accept(0.9, "Finding names mentioned");
        List<Mention> mentions = Mentions.find(sentences(analysed), withSpeakers(hints.apply(episodeId), analysed));
        save(episodeId, AiResult.MENTIONS, method, EXTRACTIVE_VERSION, transcriptAt, mentions, null);
        progress.accept(1.0, "Done");
        return true;
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
        Optional<StoredTranscript> transcript = transcripts.find(episodeId);
        if (transcript.isEmpty()) {
            return Optional.empty();
        }
        Instant at = transcript.get().createdAt();
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

    private boolean isCurrent(AiResult result) {
        return result.isLlm() || result.method().equals("extractive:" + embedder.name())
                && result.promptVersion() == EXTRACTIVE_VERSION;
    }

    private static <T> Result<T> result(AiResult row, T value) {
        return new Result<>(value, row.method(), row.notice(), row.madeAt());
    }
}

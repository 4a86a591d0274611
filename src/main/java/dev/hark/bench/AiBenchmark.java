package dev.hark.bench;

import dev.hark.ai.Embedder;
import dev.hark.ai.ExtractiveSummary;
import dev.hark.ai.MiniLmEmbedder;
import dev.hark.ai.Passage;
import dev.hark.ai.PassageRetriever;
import dev.hark.ai.Passages;
import dev.hark.ai.Summary;
import dev.hark.ai.TopicChapter;
import dev.hark.ai.TopicChapters;
import dev.hark.transcript.Segment;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptException;
import dev.hark.transcript.TranscriptReaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the local AI pipeline on a one-hour transcript: passages, passage embeddings,
 * summary (with its sentence embeddings), chapters, and questions to the passage retriever
 * (the ask path: one question embedding plus BM25 and a pass over the passages). The hour is the bundled demo
 * transcript repeated end to end, so the run needs no files; the model load is timed apart,
 * since it happens once per process.
 */
public final class AiBenchmark {

    /** The figures of one run, in seconds. */
    public record Result(double transcriptSeconds, int words, int passages, double loadSeconds, double passagesSeconds,
                         double embedSeconds, double summarySeconds, double chaptersSeconds, Summary summary,
                         List<TopicChapter> chapters, double retrieverSeconds, double questionMillisMean,
                         double questionMillisMax) {

        public double pipelineSeconds() {
            return passagesSeconds + embedSeconds + summarySeconds + chaptersSeconds;
        }
    }

    private final Embedder embedder;
    private final double targetSeconds;

    public AiBenchmark(Embedder embedder, double targetSeconds) {
        this.embedder = embedder;
        this.targetSeconds = targetSeconds;
    }

    /** all-MiniLM-L6-v2 on a one-hour transcript. */
    public AiBenchmark() {
        this(new MiniLmEmbedder(), 3600);
    }

    /** Runs once and returns a short text report. */
    public String run() {
        Result result = measure();
        return String.format(Locale.ROOT, """
                        AI pipeline, %s, on %.0f min of transcript (%d words, %d passages):
                          model load    %6.2f s (once per process)
                          passages      %6.2f s
                          embeddings    %6.2f s (passages)
                          summary       %6.2f s (%d bullets, sentence embeddings included)
                          chapters      %6.2f s (%d chapters)
                          total         %6.2f s (target < 15 s)
                          retriever     %6.3f s (BM25 index)
                          per question  %6.1f ms mean, %.1f ms max over %d questions (target < 500 ms)
                        """, embedder.name(), result.transcriptSeconds() / 60, result.words(), result.passages(),
                result.loadSeconds(), result.passagesSeconds(), result.embedSeconds(), result.summarySeconds(),
                result.summary().bullets().size(), result.chaptersSeconds(), result.chapters().size(),
                result.pipelineSeconds(), result.retrieverSeconds(), result.questionMillisMean(),
                result.questionMillisMax(), QUESTIONS.size());
    }

    /** Questions of the kind a listener asks, some in the demo's words and some not. */
    static final List<String> QUESTIONS = List.of("What is VMware Tanzu?", "How did chaos engineering start at Google?",
            "What does an SRE team do?", "Who is Gustavo Franco?", "Why build reliability into the product?",
            "What is a common platform?", "How do generalists and specialists work together?",
            "What happens during disaster recovery tests?", "Is Kubernetes mentioned?", "What about the weather?");

    public Result measure() {
        Transcript transcript = repeated(demo(), targetSeconds);
        int words = transcript.text().split("\\s+").length;

        long start = System.nanoTime();
        embedder.embed(List.of("warm up"));
        double load = seconds(start);

        start = System.nanoTime();
        List<Passage> passages = Passages.of(transcript);
        double passagesTime = seconds(start);

        start = System.nanoTime();
        float[][] vectors = embedder.embed(passages.stream().map(Passage::text).toList());
        double embedTime = seconds(start);

        start = System.nanoTime();
        Summary summary = new ExtractiveSummary(embedder).summarize(passages, vectors);
        double summaryTime = seconds(start);

        start = System.nanoTime();
        List<TopicChapter> chapters = new TopicChapters(embedder).chapters(passages, vectors);
        double chaptersTime = seconds(start);

        start = System.nanoTime();
        PassageRetriever retriever = new PassageRetriever(passages, vectors, embedder);
        double retrieverTime = seconds(start);
        double totalMillis = 0;
        double maxMillis = 0;
        for (String question : QUESTIONS) {
            start = System.nanoTime();
            retriever.top(question, 3);
            double millis = seconds(start) * 1000;
            totalMillis += millis;
            maxMillis = Math.max(maxMillis, millis);
        }

        return new Result(transcript.duration(), words, passages.size(), load, passagesTime, embedTime, summaryTime,
                chaptersTime, summary, chapters, retrieverTime, totalMillis / QUESTIONS.size(), maxMillis);
    }

    /** The transcript again and again, each copy after the last, until it lasts {@code seconds}. */
    static Transcript repeated(Transcript one, double seconds) {
        List<Segment> segments = new ArrayList<>();
        double offset = 0;
        double length = one.duration() + 1;
        while (offset < seconds) {
            for (Segment segment : one.segments()) {
                if (offset + segment.start() >= seconds) {
                    break;
                }
                segments.add(new Segment(offset + segment.start(), offset + segment.end(), segment.speaker(), segment.text()));
            }
            offset += length;
        }
        return new Transcript(segments);
    }

    private static Transcript demo() {
        try (InputStream in = AiBenchmark.class.getResourceAsStream("/demo/transcript.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo transcript is missing from the classpath");
            }
            return TranscriptReaders.read(TranscriptReaders.decode(in.readAllBytes(), null), "transcript.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranscriptException e) {
            throw new IllegalStateException("the demo transcript does not read: " + e.getMessage(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

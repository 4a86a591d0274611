package dev.hark.bench;

import dev.hark.ai.Embedder;
import dev.hark.ai.ExtractiveAnswer;
import dev.hark.ai.ExtractiveSummary;
import dev.hark.ai.PassageRetriever;
import dev.hark.ai.Mention;
import dev.hark.ai.MentionHints;
import dev.hark.ai.Mentions;
import dev.hark.ai.MiniLmEmbedder;
import dev.hark.ai.Passage;
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
 * summary (with its sentence embeddings) and chapters. The hour is the bundled demo
 * transcript repeated end to end, so the run needs no files; the model load is timed apart,
 * since it happens once per process.
 */
public final class AiBenchmark {

    /** The figures of one run, in seconds. */
    public record Result(double transcriptSeconds, int words, int passages, double loadSeconds, double passagesSeconds,
                         double embedSeconds, double summarySeconds, double chaptersSeconds, Summary summary,
                         List<TopicChapter> chapters, double mentionsSeconds, int mentions, double askMedianMillis,
                         double askMaxMillis, int questions) {

        public double pipelineSeconds() {
            return passagesSeconds + embedSeconds + summarySeconds + chaptersSeconds + mentionsSeconds;
        }
    }

    private final Embedder embedder;
    private final double targetSeconds;
    private Transcript given;

    public AiBenchmark(Embedder embedder, double targetSeconds) {
        this.embedder = embedder;
        this.targetSeconds = targetSeconds;
    }

    /** all-MiniLM-L6-v2 on a one-hour transcript. */
    public AiBenchmark() {
        this(new MiniLmEmbedder(), 3600);
    }

    /** This benchmark on a real transcript instead of the repeated demo. */
    public AiBenchmark on(Transcript transcript) {
        this.given = transcript;
        return this;
    }

    private static final List<String> QUESTIONS = List.of("What is VMware Tanzu?", "How do they think about reliability?",
            "What does an SRE do beyond SRE?", "Who is the guest?", "What did they say about chaos engineering?",
            "Which platform do teams share?", "What was the advice for getting started?", "Why does it matter?");

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
                          mentions      %6.2f s (%d names)
                          total         %6.2f s (target < 15 s)
                          ask           %6.0f ms median, %.0f ms slowest over %d questions (extractive; target < 500 ms)
                        """, embedder.name(), result.transcriptSeconds() / 60, result.words(), result.passages(),
                result.loadSeconds(), result.passagesSeconds(), result.embedSeconds(), result.summarySeconds(),
                result.summary().bullets().size(), result.chaptersSeconds(), result.chapters().size(),
                result.mentionsSeconds(), result.mentions(), result.pipelineSeconds(), result.askMedianMillis(), result.askMaxMillis(), result.questions());
    }

    public Result measure() {
        Transcript transcript = given != null ? given : repeated(demo(), targetSeconds);
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
        List<Mention> mentions = Mentions.find(passages.stream().flatMap(p -> p.sentences().stream()).toList(),
                MentionHints.none());
        double mentionsTime = seconds(start);

        // Ask: retrieval (question embedding + BM25 + fusion) and the extractive answer
        PassageRetriever retriever = new PassageRetriever(passages, vectors, embedder);
        ExtractiveAnswer answers = new ExtractiveAnswer(embedder);
        List<String> questions = new ArrayList<>(QUESTIONS);
        chapters.forEach(c -> questions.add(c.title()));
        double[] millis = new double[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            start = System.nanoTime();
            answers.answer(questions.get(i), retriever.top(questions.get(i), 6));
            millis[i] = seconds(start) * 1000;
        }
        java.util.Arrays.sort(millis);
        return new Result(transcript.duration(), words, passages.size(), load, passagesTime, embedTime, summaryTime,
                chaptersTime, summary, chapters, mentionsTime, mentions.size(), millis[millis.length / 2], millis[millis.length - 1], millis.length);
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

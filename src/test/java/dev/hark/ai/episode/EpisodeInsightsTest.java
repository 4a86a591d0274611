package dev.hark.ai.episode;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.transcript.StoredTranscript;
import dev.hark.transcript.TranscriptReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The library side of the AI on a real SQLite file: caching, staleness, regeneration. */
class EpisodeInsightsTest {

    @TempDir
    Path data;

    private static StoredTranscript transcript(long episode, String fixture, Instant at) throws Exception {
        Path file = LoopbackFeedServer.sharedFixture("fixtures/transcripts/" + fixture);
        return new StoredTranscript(episode, StoredTranscript.PUBLISHER, null, "en",
                TranscriptReaders.read(Files.readString(file), fixture), at);
    }

    @Test
    void results_are_cached_per_transcript_and_a_new_transcript_makes_them_stale() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start();
             Hark hark = Hark.open(Config.defaults(data))) {
            server.serveFeed("/feed.xml", "real-libsyn-example.xml");
            long podcast = hark.subscriptions.add(server.url("/feed.xml")).podcast().id();
            long episode = hark.episodes.listByPodcast(podcast).getFirst().id();
            InsightRepository store = new InsightRepository(hark.database.jdbi());

            assertThat(hark.insights.find(episode)).isEmpty(); // no transcript: nothing to make
            hark.transcripts.save(transcript(episode, "json-awsbites-100-speaker-labels.json", Instant.ofEpochMilli(1000)));
            assertThat(hark.insights.find(episode).orElseThrow().missing()).isTrue();

            List<Double> progress = new ArrayList<>();
            assertThat(hark.insights.generate(episode, (fraction, message) -> progress.add(fraction))).isTrue();

            assertThat(progress).isSorted().last().isEqualTo(1.0);
            var made = hark.insights.find(episode).orElseThrow();
            assertThat(made.missing()).isFalse();
            assertThat(made.summary().value()).hasSizeBetween(3, 7);
            assertThat(made.summary().method()).isEqualTo("extractive:all-minilm-l6-v2");
            assertThat(made.mentions().value()).extracting(dev.hark.ai.Mention::name).contains("Ampt");
            var vectors = store.findVectors(episode).orElseThrow();
            assertThat(vectors.vectors().length).isEqualTo(hark.insights.analyse(episode).orElseThrow().passages().size());
            assertThat(vectors.vectors()[0]).hasSize(384);
            // stored floats read back exactly
            assertThat(hark.insights.analyse(episode).orElseThrow().vectors()[3]).containsExactly(vectors.vectors()[3]);

            hark.transcripts.save(transcript(episode, "vtt-awsbites-100-numbered-cues.vtt", Instant.ofEpochMilli(2000)));
            assertThat(hark.insights.find(episode).orElseThrow().missing()).as("made from the old transcript").isTrue();
            assertThat(hark.insights.generate(episode, (fraction, message) -> { })).isTrue();
            assertThat(store.findVectors(episode).orElseThrow().transcriptAt()).isEqualTo(Instant.ofEpochMilli(2000));
            assertThat(hark.insights.find(episode).orElseThrow().missing()).isFalse();

            assertThat(hark.insights.forget(episode)).isEqualTo(3);
            assertThat(hark.insights.find(episode).orElseThrow().missing()).isTrue();
            assertThat(store.findVectors(episode)).as("vectors depend only on the transcript").isPresent();
        }
    }
}

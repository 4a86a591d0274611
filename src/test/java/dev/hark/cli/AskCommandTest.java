package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hark ask} on a library episode whose transcript is a real one (AWS Bites 100). */
class AskCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private long episodeWithTranscript() throws Exception {
        try (LoopbackFeedServer server = LoopbackFeedServer.start();
             Hark hark = Hark.open(Config.defaults(data))) {
            server.serveFeed("/feed.xml", "real-libsyn-example.xml");
            long podcast = hark.subscriptions.add(server.url("/feed.xml")).podcast().id();
            long episode = hark.episodes.listByPodcast(podcast).getFirst().id();
            Path file = LoopbackFeedServer.sharedFixture("fixtures/transcripts/json-awsbites-100-speaker-labels.json");
            hark.transcripts.save(new StoredTranscript(episode, StoredTranscript.PUBLISHER, null, "en",
                    TranscriptReaders.read(Files.readString(file), file.getFileName().toString()), Instant.now()));
            return episode;
        }
    }

    @Test
    void ask_prints_the_best_passages_with_their_moments() throws Exception {
        long episode = episodeWithTranscript();

        CliRun.Result result = CliRun.run(data, "ask", Long.toString(episode), "Does it use Fargate?", "--json");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode reply = JSON.readTree(result.out());
        assertThat(reply.path("method").asText()).isEqualTo("extractive:all-minilm-l6-v2");
        assertThat(reply.path("citations").size()).isBetween(1, 3);
        assertThat(reply.path("citations").get(0).path("text").asText()).containsIgnoringCase("Fargate");

        CliRun.Result text = CliRun.run(data, "ask", Long.toString(episode), "Does it use Fargate?");
        assertThat(text.out()).startsWith("Best passages").contains("Moments:").contains("no language model set up");
    }

    @Test
    void asking_about_an_unknown_episode_or_one_without_transcript_is_one_clear_error() throws Exception {
        long episode = episodeWithTranscript();

        CliRun.Result unknown = CliRun.run(data, "ask", "999999", "anything");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("error: No episode with id 999999");

        CliRun.Result blank = CliRun.run(data, "ask", Long.toString(episode), " ");
        assertThat(blank.exit()).isEqualTo(2);
        assertThat(blank.err()).contains("Ask a question.");
    }
}

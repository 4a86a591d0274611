package dev.hark.transcript.engine;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.media.Ffmpeg;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With transcribe.engine=openai, the transcribe job sends the episode's audio to the endpoint. */
class TranscribeJobOpenAiTest {

    @TempDir
    Path data;

    @Test
    void the_job_uses_the_openai_compatible_endpoint_when_configured() throws Exception {
        Path wav = data.resolve("episode.wav");
        new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=220:duration=4", "-ac", "1", wav.toString()),
                Duration.ofSeconds(30));
        String answer = "{\"text\":\"Welcome to the show.\",\"duration\":4.0,"
                + "\"segments\":[{\"id\":0,\"start\":0.0,\"end\":3.0,\"text\":\" Welcome to the show.\"}]}";
        try (LoopbackFeedServer server = LoopbackFeedServer.start()) {
            server.serve("/episode.wav", Reply.ok(Files.readAllBytes(wav), "audio/wav"));
            server.serve("/feed.xml", Reply.ok("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Show</title>"
                    + "<item><title>One</title><guid>one</guid><enclosure url=\"" + server.url("/episode.wav")
                    + "\" type=\"audio/wav\" length=\"1\"/></item></channel></rss>", "application/rss+xml"));
            server.handle("/v1/audio/transcriptions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            Config.SpeechToText speech = Config.SpeechToText.DEFAULTS;
            Config config = Config.defaults(data).withSpeech(new Config.SpeechToText("openai", null, 2, speech.modelsUrl(),
                    server.url(""), "sk-test", "whisper-1", 25));
            try (Hark hark = Hark.open(config)) {
                long podcast = hark.subscriptions.add(server.url("/feed.xml")).podcast().id();
                long episode = hark.episodes.listByPodcast(podcast).getFirst().id();

                TranscribeJob.enqueue(hark.jobs, episode, hark.clock.instant());
                hark.runner.drain(jobs -> { });

                var stored = hark.transcripts.find(episode).orElseThrow();
                assertThat(stored.source()).isEqualTo("openai:whisper-1");
                assertThat(stored.transcript().segments()).hasSize(1);
                assertThat(hark.episodes.get(episode).transcriptSource()).isEqualTo("openai:whisper-1");
                assertThat(server.requestCount("/v1/audio/transcriptions")).isEqualTo(1);
            }
        }
    }
}

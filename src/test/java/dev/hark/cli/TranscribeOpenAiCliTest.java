package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.media.Ffmpeg;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hark transcribe AUDIO --engine openai} against a loopback server speaking the OpenAI protocol. */
class TranscribeOpenAiCliTest {

    @TempDir
    Path data;

    @Test
    void the_openai_engine_sends_the_audio_to_the_configured_endpoint_and_prints_the_contract_json() throws Exception {
        Path audio = data.resolve("tone.wav");
        new Ffmpeg().run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=5", "-ac", "1", audio.toString()),
                Duration.ofSeconds(30));
        String answer = "{\"text\":\"Hello there. Welcome back.\",\"language\":\"english\",\"duration\":5.0,"
                + "\"segments\":[{\"id\":0,\"start\":0.0,\"end\":2.0,\"text\":\" Hello there.\"},"
                + "{\"id\":1,\"start\":2.5,\"end\":4.5,\"text\":\" Welcome back.\"}]}";
        try (LoopbackFeedServer api = LoopbackFeedServer.start()) {
            api.handle("/v1/audio/transcriptions", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            Files.writeString(data.resolve("hark.properties"), "openai.base_url=" + api.url("") + "\nopenai.api_key=sk-test\n");

            CliRun.Result result = CliRun.run(data, "transcribe", audio.toString(), "--engine", "openai");

            assertThat(result.exit()).as(result.err()).isZero();
            JsonNode segments = new ObjectMapper().readTree(result.out()).path("segments");
            assertThat(segments).hasSize(2);
            assertThat(segments.get(1).path("start").asDouble()).isEqualTo(2.5);
            assertThat(segments.get(1).path("text").asText()).isEqualTo("Welcome back.");
            assertThat(api.lastRequestHeaders("/v1/audio/transcriptions").getFirst("Authorization")).isEqualTo("Bearer sk-test");
        }
    }
}

package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.media.Ffmpeg;
import dev.hark.transcript.engine.ModelStore;
import dev.hark.transcript.engine.RandomWhisperModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hark transcribe} with a generated random-weight model (the words are nonsense; the structure is not). */
class TranscribeCommandTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg();

    @TempDir
    static Path dir;

    private static Path model;
    private static Path audio;

    @BeforeAll
    static void generate() throws Exception {
        model = RandomWhisperModel.tiny().write(dir.resolve("ggml-test.bin"), 9);
        audio = dir.resolve("tone.wav");
        FFMPEG.run(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=12", "-ac", "1", audio.toString()),
                Duration.ofSeconds(30));
    }

    private static CliRun.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the models folder is empty and the host unreachable: only --model PATH can work
        ModelStore models = new ModelStore(dir.resolve("models"), URI.create("http://127.0.0.1:9/"), Map.of());
        CommandLine cmd = new CommandLine(new TranscribeCommand(models, FFMPEG));
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new CliRun.Result(exit, out.toString(), err.toString());
    }

    @Test
    void prints_the_contract_json() throws Exception {
        CliRun.Result result = run(audio.toString(), "--model", model.toString(), "--language", "en");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("segments");
        assertThat(json.get("segments")).isNotEmpty();
        for (JsonNode segment : json.get("segments")) {
            assertThat(segment.fieldNames()).toIterable().contains("start", "end", "text");
            assertThat(segment.get("start").asDouble()).isBetween(0.0, 12.0);
            assertThat(segment.get("end").asDouble()).isBetween(segment.get("start").asDouble(), 12.0);
        }
    }

    @Test
    void unreadable_audio_exits_2_with_one_line() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.mp3"), "this is not audio");

        CliRun.Result result = run(junk.toString(), "--model", model.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").hasLineCount(1);
    }

    @Test
    void a_missing_file_and_an_unknown_model_or_engine_exit_2() {
        assertThat(run(dir.resolve("nope.mp3").toString(), "--model", model.toString()).exit()).isEqualTo(2);
        CliRun.Result unknown = run(audio.toString(), "--model", "enormous.en");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: Unknown speech model \"enormous.en\"");
        CliRun.Result engine = run(audio.toString(), "--engine", "carrier-pigeon");
        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).isEqualTo("error: Unknown engine \"carrier-pigeon\": use whisper or openai\n");
    }
}

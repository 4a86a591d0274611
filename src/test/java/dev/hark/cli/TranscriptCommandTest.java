package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hark transcript convert}. Run on its own command line with Hark's error handler, as
 * HarkCommand would run it once it lists TranscriptCommand among its subcommands.
 */
class TranscriptCommandTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private CliRun.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new TranscriptCommand());
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new CliRun.Result(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void convert_prints_the_contract_json_by_default() throws Exception {
        Path vtt = file("t.vtt", "WEBVTT\n\n00:00.400 --> 00:06.439\n<v Jason>Welcome.\n\n00:06.739 --> 00:08.000\nHi.\n");

        CliRun.Result result = run("convert", vtt.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.toString()).isEqualTo("{\"segments\":[{\"start\":0.4,\"end\":6.439,\"speaker\":\"Jason\",\"text\":\"Welcome.\"},"
                + "{\"start\":6.739,\"end\":8.0,\"speaker\":\"Jason\",\"text\":\"Hi.\"}]}");
    }

    @Test
    void convert_to_srt_vtt_and_txt_prints_those_formats() throws Exception {
        Path json = file("t.json", "{\"version\":\"1.0.0\",\"segments\":[{\"speaker\":\"Jason\",\"startTime\":1,\"endTime\":2.5,\"body\":\"Hi.\"}]}");

        assertThat(run("convert", json.toString(), "--to", "srt").out())
                .isEqualTo("1\n00:00:01,000 --> 00:00:02,500\nJason: Hi.\n");
        assertThat(run("convert", json.toString(), "--to", "vtt").out())
                .isEqualTo("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\n<v Jason>Hi.\n");
        assertThat(run("convert", json.toString(), "--to", "txt").out()).isEqualTo("[00:00:01] Jason: Hi.\n");
    }

    @Test
    void an_unreadable_transcript_exits_2_with_one_error_line() throws Exception {
        Path broken = file("broken.vtt", "WEBVTT\n\n00:00:01.000 --> 00:61:00.000\nBad.\n");

        CliRun.Result result = run("convert", broken.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: broken.vtt: Bad time 00:61:00.000 on line 3" + NL);
    }

    @Test
    void skipped_cues_give_one_warning_line_and_the_rest_is_printed() throws Exception {
        Path vtt = file("some-bad.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nGood.\n\n00:00:05.000 --> 00:00:04.000\nBad.\n");

        CliRun.Result result = run("convert", vtt.toString(), "--to", "txt");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("[00:00:01] Good.\n");
        assertThat(result.err()).isEqualTo("warning: 1 bad cue skipped (Cue on line 6 ends before it starts)" + NL);
    }

    @Test
    void a_missing_file_or_unknown_format_exits_2() throws Exception {
        assertThat(run("convert", dir.resolve("nope.vtt").toString()))
                .isEqualTo(new CliRun.Result(2, "", "error: No such file: " + dir.resolve("nope.vtt") + NL));
        Path vtt = file("t.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n");
        assertThat(run("convert", vtt.toString(), "--to", "docx"))
                .isEqualTo(new CliRun.Result(2, "", "error: Cannot convert to \"docx\": use json, vtt, srt or txt" + NL));
    }
}

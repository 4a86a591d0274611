package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hark chapters} and {@code hark summarize} on the demo transcript: the JSON shapes of
 * the contract, and one {@code error:} line with exit 2 on unreadable input. The commands run
 * on their own (with Hark's error handler), as they are not yet registered under {@code hark}.
 */
class AiCommandsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    record Result(int exit, String out, String err) {
    }

    private static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path demoTranscript() throws IOException {
        Path file = folder.resolve("transcript.json");
        try (InputStream in = getClass().getResourceAsStream("/demo/transcript.json")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void chapters_json_is_a_list_of_start_and_title() throws IOException {
        Result result = run(new ChaptersCommand(), demoTranscript().toString(), "--json", "--embedder", "hashing");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode chapters = MAPPER.readTree(result.out());
        assertThat(chapters.isArray()).isTrue();
        assertThat(chapters.size()).isGreaterThanOrEqualTo(2);
        assertThat(chapters.get(0).get("start").asDouble()).isZero();
        for (JsonNode chapter : chapters) {
            assertThat(fieldNames(chapter)).containsExactly("start", "title");
            assertThat(chapter.get("start").isNumber()).isTrue();
            assertThat(chapter.get("title").asText()).isNotBlank();
        }
    }

    @Test
    void summarize_json_has_bullets_with_text_and_start_and_the_method() throws IOException {
        Result result = run(new SummarizeCommand(), demoTranscript().toString(), "--json", "--embedder", "hashing");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode summary = MAPPER.readTree(result.out());
        assertThat(fieldNames(summary)).containsExactly("bullets", "method");
        assertThat(summary.get("method").asText()).isEqualTo("extractive:hashing");
        assertThat(summary.get("bullets").size()).isBetween(3, 7);
        for (JsonNode bullet : summary.get("bullets")) {
            assertThat(fieldNames(bullet)).containsExactly("text", "start");
            assertThat(bullet.get("start").isNumber()).isTrue();
            assertThat(bullet.get("text").asText()).isNotBlank();
        }
    }

    @Test
    void readable_output_lists_chapters_and_bullets() throws IOException {
        Path file = demoTranscript();

        Result chapters = run(new ChaptersCommand(), file.toString(), "--embedder", "hashing");
        Result summary = run(new SummarizeCommand(), file.toString(), "--embedder", "hashing");

        assertThat(chapters.out()).startsWith("    0:00  ");
        assertThat(summary.out()).startsWith("In this episode, we cover:\n- ").contains("(extractive:hashing)");
    }

    @Test
    void unreadable_input_exits_2_with_one_error_line() throws IOException {
        Path garbage = Files.writeString(folder.resolve("garbage.vtt"), "this is not a transcript\u0000\u0001");
        Path missing = folder.resolve("missing.vtt");

        for (Result result : List.of(run(new ChaptersCommand(), garbage.toString(), "--json"),
                run(new SummarizeCommand(), missing.toString(), "--json"))) {
            assertThat(result.exit()).isEqualTo(ErrorHandler.BAD_INPUT);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).startsWith("error: ").doesNotContain("Exception");
            assertThat(result.err().strip().lines()).hasSize(1);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return iterable(node.fieldNames());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        java.util.ArrayList<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

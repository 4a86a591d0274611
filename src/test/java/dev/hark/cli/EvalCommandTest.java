package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hark eval} on folders of transcript + chapters pairs, with the fast embedder. */
class EvalCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private static Path shared(String name) {
        String configured = System.getProperty("hark.shared");
        return Path.of(configured != null ? configured : "../shared").resolve("fixtures/transcripts").resolve(name);
    }

    /** A real transcript beside chapters made from its own times (every 15 minutes). */
    private Path pair() throws IOException {
        Path episode = Files.createDirectories(folder.resolve("shows/talkpython"));
        Files.copy(shared("vtt-talkpython-554-voice-tags.vtt"), episode.resolve("554.vtt"));
        Files.writeString(episode.resolve("554.chapters.json"), """
                {"version": "1.2.0", "chapters": [
                  {"startTime": 0, "title": "Trustworthy AI in healthcare"},
                  {"startTime": 900, "title": "Hallucinations and confidence"},
                  {"startTime": 1800, "title": "Retrieval and the RAG pipeline"},
                  {"startTime": 2700, "title": "Temperature, Fahrenheit and units"}
                ]}
                """);
        return episode;
    }

    @Test
    void json_figures_for_a_pair_are_ratios_between_0_and_1() throws IOException {
        pair();

        CliRun.Result result = CliRun.run(null, "eval", folder.toString(), "--json", "--embedder", "hashing");

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        JsonNode report = MAPPER.readTree(result.out());
        assertThat(report.get("embedder").asText()).isEqualTo("hashing");
        assertThat(report.get("synthetic").isNull()).isTrue();
        JsonNode input = report.get("publisher").get("inputs").get(0);
        assertThat(input.get("name").asText()).endsWith("554.vtt");
        assertThat(input.get("boundaries").get("reference").asInt()).isEqualTo(3);
        assertThat(input.get("retrieval").get("questions").asInt()).isEqualTo(4);
        JsonNode total = report.get("publisher").get("total");
        for (JsonNode ratio : new JsonNode[] {total.get("boundaries").get("precision"), total.get("boundaries").get("recall"),
                total.get("boundaries").get("f1"), total.get("retrieval").get("hitRate"),
                total.get("retrieval").get("meanReciprocalRank")}) {
            assertThat(ratio.isNumber()).isTrue();
            assertThat(ratio.asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void the_table_names_each_input() throws IOException {
        pair();

        CliRun.Result result = CliRun.run(null, "eval", folder.toString(), "--embedder", "hashing");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Publisher chapters (questions: chapter titles)").contains("554.vtt")
                .doesNotContain("Synthetic");
    }

    @Test
    void a_folder_without_pairs_is_bad_input() throws IOException {
        Files.writeString(folder.resolve("lonely.vtt"), "WEBVTT\n");

        CliRun.Result result = CliRun.run(null, "eval", folder.toString(), "--embedder", "hashing");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: no pairs found in " + folder
                + " (a transcript beside NAME.chapters.json)" + System.lineSeparator());
    }

    @Test
    void an_unknown_fusion_is_bad_input() throws IOException {
        pair();

        CliRun.Result result = CliRun.run(null, "eval", folder.toString(), "--fusion", "magic");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Unknown fusion \"magic\"");
    }
}

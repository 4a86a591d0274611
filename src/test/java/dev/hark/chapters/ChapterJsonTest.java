package dev.hark.chapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterJsonTest {

    @Test
    void chapters_are_written_with_every_field_and_nulls_for_unknowns() {
        Chapters chapters = new Chapters(List.of(
                new Chapter(0, 61.5, "Intro \"live\"", "https://example.org/a", "https://example.org/a.jpg", true),
                Chapter.of(61.5, "Grüße")), Chapters.PUBLISHER_JSON);

        assertThat(ChapterJson.write(chapters)).isEqualTo("[{\"start\":0.0,\"end\":61.5,\"title\":\"Intro \\\"live\\\"\","
                + "\"url\":\"https://example.org/a\",\"image\":\"https://example.org/a.jpg\"},"
                + "{\"start\":61.5,\"end\":null,\"title\":\"Grüße\",\"url\":null,\"image\":null}]");
    }

    @Test
    void chapters_left_out_of_the_table_of_contents_are_left_out() throws Exception {
        Chapters chapters = ChapterJsonReader.read(Files.readAllBytes(
                ChapterJsonReaderTest.fixture("p20-chapters-spec-complex-valid.json")), null);

        assertThat(ChapterJson.entries(chapters)).hasSize(10).extracting(ChapterJson.Entry::start).doesNotContain(4826.0);
    }

    @Test
    void entries_serialise_with_jackson_as_the_written_json_does() throws Exception {
        Chapters chapters = new Chapters(List.of(new Chapter(1.25, 9.0, "A", null, "https://i.example/a.png", true),
                Chapter.of(9, "B")), Chapters.SHOW_NOTES);
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.readTree(mapper.writeValueAsString(ChapterJson.entries(chapters))))
                .isEqualTo(mapper.readTree(ChapterJson.write(chapters)));
    }

    @Test
    void no_chapters_is_an_empty_array() {
        assertThat(ChapterJson.write(new Chapters(List.of(), Chapters.PUBLISHER_JSON))).isEqualTo("[]");
    }
}

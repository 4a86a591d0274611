package dev.hark.chapters;

import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChapterJsonReaderTest {

    private static final String BASE = "https://cdn.example/show/ep1/chapters.json";

    static Path fixture(String name) {
        return LoopbackFeedServer.sharedFixture("fixtures/chapters/" + name);
    }

    static Stream<Path> everyFixture() throws IOException {
        try (Stream<Path> files = Files.list(LoopbackFeedServer.sharedFixture("fixtures/chapters"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static Chapters read(String name) throws Exception {
        return ChapterJsonReader.read(Files.readAllBytes(fixture(name)), BASE);
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void every_shared_chapters_file_reads_into_sorted_titled_chapters(Path file) throws Exception {
        Chapters chapters = ChapterJsonReader.read(Files.readAllBytes(file), BASE);

        assertThat(chapters.list()).isNotEmpty();
        assertThat(chapters.list()).extracting(Chapter::start).isSorted();
        assertThat(chapters.list()).allSatisfy(c -> assertThat(c.title()).isNotBlank());
        assertThat(chapters.source()).isEqualTo(file.getFileName().toString().startsWith("podlove")
                ? Chapters.PODLOVE : Chapters.PUBLISHER_JSON);
    }

    @Test
    void the_shared_folder_holds_the_six_files_of_its_manifest() throws Exception {
        List<String> manifest = Files.readAllLines(fixture("MANIFEST.tsv")).stream().skip(1)
                .map(line -> line.split("\t")[0]).sorted().toList();

        assertThat(everyFixture().map(p -> p.getFileName().toString())).containsExactlyElementsOf(manifest).hasSize(6);
    }

    @Test
    void fractional_start_times_are_kept_and_relative_images_resolve_against_the_file_address() throws Exception {
        Chapters chapters = read("p20-chapters-26-relative-img.json");

        assertThat(chapters.list()).hasSize(26);
        assertThat(chapters.list().getFirst()).isEqualTo(new Chapter(6.202, null, "Chapter 1 of 26", null,
                "https://cdn.example/show/ep1/chapter_001.jpg", true));
        assertThat(chapters.list().get(15).start()).isEqualTo(2002.0);
        assertThat(chapters.list().getLast()).isEqualTo(new Chapter(5166.24, null, "Chapter 26 of 26", null,
                "https://cdn.example/show/ep1/chapter_026.jpg", true));
    }

    @Test
    void relative_images_are_left_out_when_the_file_address_is_unknown() throws Exception {
        Chapters chapters = ChapterJsonReader.read(Files.readAllBytes(fixture("p20-chapters-26-relative-img.json")), null);

        assertThat(chapters.list()).extracting(Chapter::image).containsOnlyNulls();
    }

    @Test
    void the_2020_draft_keeps_images_and_links_of_its_chapters() throws Exception {
        Chapters chapters = read("p20-chapters-draft-2020-10-18.json");

        assertThat(chapters.list()).extracting(Chapter::title).containsExactly("Intro", "Hearing Aids",
                "Progress Report", "Namespace", "Just Break Up", "The Big Players", "Spread the Word", "Outro");
        assertThat(chapters.list().get(3)).isEqualTo(new Chapter(410, null, "Namespace",
                "https://github.com/Podcastindex-org/podcast-namespace",
                "https://noagendaassets.com/enc/1602976942.638_pc20feedss.jpg", true));
        assertThat(chapters.list().getLast().start()).isEqualTo(6089.0);
    }

    @Test
    void the_official_example_has_nine_chapters() throws Exception {
        Chapters chapters = read("p20-chapters-spec-example.json");

        assertThat(chapters.list()).hasSize(9);
        assertThat(chapters.list().get(1)).isEqualTo(new Chapter(168, null, "Hearing Aids", null,
                "https://example.com/images/hearing_aids.jpg", true));
        assertThat(chapters.list().get(5)).isEqualTo(new Chapter(4600, null, "Donations",
                "https://example.com/paypal_link", null, true));
    }

    @Test
    void an_untitled_chapter_marked_toc_false_is_kept_named_and_flagged() throws Exception {
        Chapters chapters = read("p20-chapters-spec-complex-valid.json");

        assertThat(chapters.list()).hasSize(11);
        assertThat(chapters.list().get(7)).isEqualTo(new Chapter(4826, null, "Chapter 8", null,
                "https://example.com/images/parisfrance.jpg", false));
        assertThat(chapters.tableOfContents()).hasSize(10).extracting(Chapter::title).doesNotContain("Chapter 8");
    }

    @Test
    void podlove_chapters_keep_their_umlauts_and_read_empty_strings_as_absent() throws Exception {
        Chapters chapters = read("podlove-chapters-podlovers-ep3-de.json");

        assertThat(chapters.source()).isEqualTo(Chapters.PODLOVE);
        assertThat(chapters.list()).hasSize(16);
        assertThat(chapters.list().getFirst()).isEqualTo(Chapter.of(0, "Begrüßung"));
        assertThat(chapters.list().get(1).start()).isEqualTo(26.196);
        assertThat(chapters.list().getLast()).isEqualTo(Chapter.of(3600 + 30 * 60 + 49.849, "Und Tschüss"));
    }

    @Test
    void podlove_start_strings_become_seconds_with_links_and_images() throws Exception {
        Chapters chapters = read("podlove-chapters-simple.json");

        assertThat(chapters.list()).containsExactly(
                new Chapter(1.234, null, "Intro", "http://example.com", null, true),
                Chapter.of(754, "About us"),
                new Chapter(3723, null, "Later", null, "http://example.com/foo.jpg", true));
    }

    @Test
    void chapters_out_of_order_are_sorted_and_numbered_after_sorting() throws Exception {
        Chapters chapters = ChapterJsonReader.read("""
                {"version":"1.2.0","chapters":[
                  {"startTime":300,"title":"Third"},
                  {"startTime":0},
                  {"startTime":120.5,"endTime":299,"title":"  Second  "}
                ]}""", BASE);

        assertThat(chapters.list()).containsExactly(
                Chapter.of(0, "Chapter 1"),
                new Chapter(120.5, 299.0, "Second", null, null, true),
                Chapter.of(300, "Third"));
    }

    @Test
    void chapters_without_a_readable_start_are_left_out() throws Exception {
        Chapters chapters = ChapterJsonReader.read("""
                {"chapters":[{"title":"No start"},{"startTime":-5,"title":"Negative"},
                 {"startTime":"00:01:00","title":"Text time"},"not a chapter",{"startTime":90,"title":"Ok"},]}""", BASE);

        assertThat(chapters.list()).containsExactly(Chapter.of(60, "Text time"), Chapter.of(90, "Ok"));
    }

    @Test
    void links_that_are_not_http_are_dropped() throws Exception {
        Chapters chapters = ChapterJsonReader.read("""
                [{"start":"0","title":"A","href":"javascript:alert(1)","image":"data:image/png;base64,AAAA"},
                 {"start":"1","title":"B","href":"/about me","image":"//img.example/b.png"}]""", "https://host.example");

        assertThat(chapters.list()).containsExactly(
                Chapter.of(0, "A"),
                new Chapter(1, null, "B", "https://host.example/about%20me", "https://img.example/b.png", true));
    }

    @Test
    void an_empty_chapters_list_is_read_as_no_chapters() throws Exception {
        assertThat(ChapterJsonReader.read("{\"version\":\"1.2.0\",\"chapters\":[]}", BASE).list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"}",
            "<?xml version=\"1.0\"?><chapters/>",
            "{\"chapters\":[{\"startTime\":0,\"title\":\"Intro\" \"url\":\"x\"}]}"})
    void malformed_json_is_a_typed_error_with_one_sentence(String body) {
        assertThatThrownBy(() -> ChapterJsonReader.read(body, BASE))
                .isInstanceOf(ChaptersException.class)
                .hasMessageStartingWith("The chapters file is not valid JSON (")
                .hasMessageEndingWith(").")
                .message().doesNotContain("\n");
    }

    @Test
    void json_that_is_not_chapters_is_a_typed_error_saying_why() {
        assertThatThrownBy(() -> ChapterJsonReader.read("", BASE)).isInstanceOf(ChaptersException.class)
                .hasMessage("The chapters file is empty.");
        assertThatThrownBy(() -> ChapterJsonReader.read("{\"segments\":[]}", BASE)).isInstanceOf(ChaptersException.class)
                .hasMessage("The JSON file has no \"chapters\" list, so it is not a chapters file.");
        assertThatThrownBy(() -> ChapterJsonReader.read("{\"chapters\":{}}", BASE)).isInstanceOf(ChaptersException.class)
                .hasMessage("The \"chapters\" entry of the JSON file is not a list.");
        assertThatThrownBy(() -> ChapterJsonReader.read("42", BASE)).isInstanceOf(ChaptersException.class)
                .hasMessage("The chapters file holds a single JSON value instead of chapters.");
        assertThatThrownBy(() -> ChapterJsonReader.read("[{\"title\":\"a\"},{\"title\":\"b\"}]", BASE))
                .isInstanceOf(ChaptersException.class)
                .hasMessage("None of the 2 chapters in the file has a start time.");
    }

    @Test
    void utf16_with_a_byte_order_mark_reads() throws Exception {
        byte[] body = "\uFEFF[{\"start\":\"00:00:05\",\"title\":\"Grüße\"}]".getBytes(StandardCharsets.UTF_16BE);

        assertThat(ChapterJsonReader.read(body, BASE).list()).containsExactly(Chapter.of(5, "Grüße"));
    }
}

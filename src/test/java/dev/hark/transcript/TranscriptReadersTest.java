package dev.hark.transcript;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Format detection and the one entry point, over every transcript file we have. */
class TranscriptReadersTest {

    static Stream<Path> sharedFiles() {
        return TranscriptFixtures.sharedFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedFiles")
    void every_shared_real_world_transcript_reads_with_sane_times(Path file) throws Exception {
        ReadResult result = TranscriptReaders.readWithReport(TranscriptFixtures.read(file), file.getFileName().toString());
        Transcript transcript = result.transcript();

        assertThat(result.skipped()).isEmpty();
        assertThat(transcript.segments()).isNotEmpty().allSatisfy(segment -> {
            assertThat(segment.start()).isNotNegative();
            assertThat(segment.end()).isGreaterThanOrEqualTo(segment.start());
            assertThat(segment.text()).isNotBlank().doesNotContain("<v").doesNotContain("&amp;").doesNotContain("\n");
        });
        assertThat(transcript.segments()).extracting(Segment::start).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(emptyValue = "", value = {
            "json-awsbites-100-speaker-labels.json, JSON, 'Luciano,Eoin'",
            "p20json-spec-darthvader-wordlevel.json, JSON, 'Darth Vader,Luke'",
            "vtt-buzzsprout-bom-voice-tags-2024.vtt, VTT, 'Travis,Sarah'",
            "vtt-buzzsprout-voice-tags-html-entities.vtt, VTT, 'Sarah,Gillian'",
            "vtt-talkpython-554-voice-tags.vtt, VTT, 'Michael Kennedy,Sumit Gundawar'",
            "vtt-talkpython-000-no-speakers.vtt, VTT, ''",
            "txt-talkpython-000-plain.txt, TEXT, ''",
            "srt-multiline-cues-basic.srt, SRT, ''"})
    void shared_transcripts_have_the_speakers_their_publishers_named(String name, TranscriptFormat format, String speakers)
            throws Exception {
        ReadResult result = TranscriptReaders.readWithReport(TranscriptFixtures.shared(name), null);

        assertThat(result.format()).isEqualTo(format);
        assertThat(result.transcript().speakers()).isEqualTo(speakers.isEmpty() ? List.of() : List.of(speakers.split(",")));
    }

    @Test
    void the_content_wins_over_a_wrong_content_type() throws Exception {
        String vtt = TranscriptFixtures.demo("transcript.vtt");

        assertThat(TranscriptReaders.readWithReport(vtt, "text/plain").format()).isEqualTo(TranscriptFormat.VTT);
        assertThat(TranscriptReaders.readWithReport(vtt, "application/json").format()).isEqualTo(TranscriptFormat.VTT);
        assertThat(TranscriptReaders.readWithReport(TranscriptFixtures.demo("transcript.json"), "text/html").format())
                .isEqualTo(TranscriptFormat.JSON);
    }

    @ParameterizedTest
    @CsvSource({
            "text/vtt; charset=utf-8, VTT", "application/x-subrip, SRT", "application/srt, SRT",
            "application/json, JSON", "application/transcript+json, JSON", "text/html, HTML", "text/plain, TEXT",
            "https://cdn.example/ep1.vtt?sig=abc, VTT", "transcript.SRT, SRT", "notes/ep.htm, HTML", "ep.txt, TEXT"})
    void hints_name_a_format(String hint, TranscriptFormat format) {
        assertThat(TranscriptFormat.fromHint(hint)).contains(format);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WEBVTT\\n\\n00:01.000 --> 00:02.000\\nHi | VTT",
            "1\\n00:00:01,000 --> 00:00:02,000\\nHi | SRT",
            "{\"segments\": []} | JSON",
            "[{\"start\": 1}] | JSON",
            "[00:00:01] Jason: Hi | TEXT",
            "<p>Jason: Hi</p> | HTML",
            "Jason: Hi | TEXT"})
    void content_shows_its_format(String content, TranscriptFormat format) {
        assertThat(TranscriptFormat.detect(content.replace("\\n", "\n"), null)).isEqualTo(format);
    }

    @Test
    void a_hint_decides_only_when_the_content_shows_nothing() {
        assertThat(TranscriptFormat.detect("Jason: Hi", "text/html")).isEqualTo(TranscriptFormat.HTML);
        assertThat(TranscriptFormat.detect("garbage", "ep.vtt")).isEqualTo(TranscriptFormat.VTT);
    }

    @Test
    void a_vtt_link_serving_something_else_fails_with_the_vtt_readers_sentence() {
        assertThatThrownBy(() -> TranscriptReaders.read("Sorry, this file has moved.", "text/vtt"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("This is not a WebVTT file: it does not start with WEBVTT");
    }

    @Test
    void empty_content_says_the_transcript_is_empty() {
        assertThatThrownBy(() -> TranscriptReaders.read("\uFEFF \n", "ep.vtt")).hasMessage("The transcript is empty");
    }

    @Test
    void bytes_are_decoded_by_bom_then_charset_then_utf8_then_windows_1252() {
        assertThat(TranscriptReaders.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'}, null)).isEqualTo("hi");
        assertThat(TranscriptReaders.decode("café".getBytes(StandardCharsets.UTF_8), "text/vtt")).isEqualTo("café");
        assertThat(TranscriptReaders.decode("café".getBytes(StandardCharsets.ISO_8859_1), null)).isEqualTo("café");
        assertThat(TranscriptReaders.decode("café".getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1"))
                .isEqualTo("café");
    }
}

package dev.hark.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptWritersTest {

    private static final Transcript SAMPLE = new Transcript(List.of(
            new Segment(0.4, 6.439, "Jason", "Welcome to Break Things on Purpose."),
            new Segment(6.739, 22.398, "Gustavo Franco", "Thanks & hello <everyone> --> really."),
            new Segment(3725.001, 3726.5, null, "Music.")));

    @Test
    void vtt_has_voice_tags_escaped_text_and_millisecond_times() {
        assertThat(new VttWriter().write(SAMPLE)).isEqualTo("""
                WEBVTT

                1
                00:00:00.400 --> 00:00:06.439
                <v Jason>Welcome to Break Things on Purpose.

                2
                00:00:06.739 --> 00:00:22.398
                <v Gustavo Franco>Thanks &amp; hello &lt;everyone&gt; --&gt; really.

                3
                01:02:05.001 --> 01:02:06.500
                Music.
                """);
    }

    @Test
    void srt_has_speaker_prefixes_and_comma_milliseconds() {
        assertThat(new SrtWriter().write(SAMPLE)).isEqualTo("""
                1
                00:00:00,400 --> 00:00:06,439
                Jason: Welcome to Break Things on Purpose.

                2
                00:00:06,739 --> 00:00:22,398
                Gustavo Franco: Thanks & hello <everyone> -> really.

                3
                01:02:05,001 --> 01:02:06,500
                Music.
                """);
    }

    @Test
    void txt_has_one_line_per_segment_with_whole_seconds() {
        assertThat(new TextTranscriptWriter().write(SAMPLE)).isEqualTo("""
                [00:00:00] Jason: Welcome to Break Things on Purpose.
                [00:00:06] Gustavo Franco: Thanks & hello <everyone> --> really.
                [01:02:05] Music.
                """);
    }

    @Test
    void json_is_the_contract_shape_with_seconds_as_numbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonTranscriptWriter().write(SAMPLE));

        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("segments");
        JsonNode first = json.get("segments").get(0);
        assertThat(first.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("start", "end", "speaker", "text");
        assertThat(first.get("start").isNumber()).isTrue();
        assertThat(first.get("end").asDouble()).isEqualTo(6.439);
        assertThat(json.get("segments").get(2).get("speaker").isNull()).isTrue();
        assertThat(new JsonTranscriptWriter().write(SAMPLE)).contains("\"end\" : 6.439,").doesNotContain("6.4390000");
    }

    @Test
    void vtt_keeps_word_starts_as_inline_timestamps() throws Exception {
        Transcript words = new Transcript(List.of(new Segment(1, 3, "Luke", "No no", List.of(
                new Word(1, 1.5, "No"), new Word(2, 3, "no")))));

        String vtt = new VttWriter().write(words);

        assertThat(vtt).contains("<v Luke>No <00:00:02.000>no");
        assertThat(new VttReader().read(vtt).transcript().segments().getFirst().words())
                .containsExactly(new Word(1, 2, "No"), new Word(2, 3, "no"));
    }

    @Test
    void html_is_read_but_not_written() {
        assertThatThrownBy(() -> TranscriptWriters.write(SAMPLE, TranscriptFormat.HTML))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VttReaderTest {

    private final VttReader reader = new VttReader();

    @Test
    void reads_voice_tags_cue_settings_ids_notes_styles_and_inline_word_times() throws Exception {
        ReadResult result = reader.read(TranscriptFixtures.own("vtt-voice-tags-and-settings.vtt"));

        assertThat(result.skipped()).isEmpty();
        assertThat(result.format()).isEqualTo(TranscriptFormat.VTT);
        assertThat(result.transcript().segments()).containsExactly(
                new Segment(0.4, 6.439, "Jason", "Welcome to Break Things on Purpose, a podcast about chaos engineering."),
                new Segment(6.739, 10.1, "Jason", "Today with us we have Gustavo Franco."),
                new Segment(10.5, 12, "Gustavo Franco", "Thank you for having me & my team."),
                new Segment(12, 14, "Gustavo Franco", "It’s been only a year, actually."),
                new Segment(14.2, 16, "Jason", "So what is Tanzu?", List.of(
                        new Word(14.2, 14.7, "So"), new Word(14.7, 15.1, "what"),
                        new Word(15.1, 15.4, "is"), new Word(15.4, 16, "Tanzu?"))),
                new Segment(62, 3600, "Gustavo Franco", "Kubernetes is sort of the engine."));
        assertThat(result.transcript().approximate()).isFalse();
    }

    @Test
    void a_byte_order_mark_crlf_line_ends_and_entities_are_read() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.own("vtt-bom-crlf.vtt")).transcript();

        assertThat(transcript.segments()).containsExactly(
                new Segment(1, 2.5, "Sarah", "Hi <there>, welcome."),
                new Segment(2.5, 4, "Sarah", "Still Sarah here."));
    }

    @Test
    void a_cue_with_a_bad_time_is_skipped_and_reported() throws Exception {
        ReadResult result = reader.read(TranscriptFixtures.own("vtt-one-bad-time.vtt"));

        assertThat(result.transcript().segments()).extracting(Segment::text).containsExactly("First line.", "Last line.");
        assertThat(result.skipped()).containsExactly(
                "Bad time 00:61:00.000 on line 8",
                "Cue on line 12 ends before it starts");
    }

    @Test
    void a_file_whose_cues_are_all_bad_fails_with_the_first_problem() {
        assertThatThrownBy(() -> reader.read(TranscriptFixtures.own("vtt-all-bad.vtt")))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("Bad time 00:00:61.000 on line 3, and 1 more cues could not be read");
    }

    @Test
    void a_file_without_the_webvtt_header_is_refused() {
        assertThatThrownBy(() -> reader.read("1\n00:00:01.000 --> 00:00:02.000\nHi\n"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("This is not a WebVTT file: it does not start with WEBVTT");
    }

    @Test
    void a_header_with_no_cues_says_so() {
        assertThatThrownBy(() -> reader.read("WEBVTT\n\nNOTE nothing here\n"))
                .hasMessage("The transcript has no cues");
    }

    @Test
    void a_missing_blank_line_between_cues_still_gives_both_cues() throws Exception {
        Transcript transcript = reader.read("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n00:02.000 --> 00:03.000\nTwo\n").transcript();

        assertThat(transcript.segments()).extracting(Segment::text).containsExactly("One", "Two");
    }

    @Test
    void the_demo_vtt_has_jason_and_gustavo_in_increasing_time() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.demo("transcript.vtt")).transcript();

        assertThat(transcript.speakers()).containsExactly("Jason", "Gustavo");
        assertThat(transcript.segments()).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s.end()).isGreaterThan(s.start()));
        assertThat(transcript.segments()).extracting(Segment::start).isSorted().doesNotHaveDuplicates();
    }
}

package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrtReaderTest {

    private final SrtReader reader = new SrtReader();

    @Test
    void name_prefixes_become_speakers_and_carry_over_but_labels_do_not() throws Exception {
        ReadResult result = reader.read(TranscriptFixtures.own("srt-name-prefixes.srt"));

        assertThat(result.skipped()).isEmpty();
        assertThat(result.transcript().segments()).containsExactly(
                new Segment(0.4, 6.439, "Jason", "Welcome to Break Things on Purpose, a podcast about chaos engineering."),
                new Segment(6.739, 10.1, "Jason", "Today with us we have Gustavo Franco."),
                new Segment(10.5, 12, "Gustavo Franco", "Thank you for having me."),
                new Segment(12, 14, "Gustavo Franco", "Note: this is not a name, it is a label."),
                new Segment(14.2, 16, "Jason", "So: what is Tanzu?"),
                new Segment(16, 18.5, "Jason", "In this episode, we cover: reliability."));
    }

    @Test
    void the_shared_basic_srt_keeps_both_lines_of_each_cue() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.shared("srt-multiline-cues-basic.srt")).transcript();

        assertThat(transcript.segments()).containsExactly(
                new Segment(0, 5.5, null, "Subtitle 1, Line 1 Subtitle 1, Line 2"),
                new Segment(5.5, 10, null, "Subtitle 2, Line 1 Subtitle 2, Line 2"),
                new Segment(10, 12, null, "Subtitle 3, Line 1 Subtitle 3, Line 2"));
    }

    @Test
    void an_end_before_the_start_skips_that_cue_and_says_where() throws Exception {
        ReadResult result = reader.read("1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:05,000 --> 00:00:04,000\nTwo\n\n"
                + "3\n00:00:06,000 --> 00:00:07,000\nThree\n");

        assertThat(result.transcript().segments()).extracting(Segment::text).containsExactly("One", "Three");
        assertThat(result.skipped()).containsExactly("Cue on line 6 ends before it starts");
    }

    @Test
    void minutes_over_59_are_a_bad_time() {
        assertThatThrownBy(() -> reader.read("1\n00:61:00,000 --> 00:62:00,000\nOne\n"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("Bad time 00:61:00,000 on line 2");
    }

    @Test
    void stray_text_outside_any_cue_is_reported() throws Exception {
        ReadResult result = reader.read("1\n00:00:01,000 --> 00:00:02,000\nOne\n\nstray words\n\n"
                + "2\n00:00:03,000 --> 00:00:04,000\nTwo\n");

        assertThat(result.transcript().segments()).extracting(Segment::text).containsExactly("One", "Two");
        assertThat(result.skipped()).containsExactly("Text without a cue time on line 5");
    }

    @Test
    void the_name_rule_accepts_names_and_refuses_labels_and_prose() {
        assertThat(SpeakerPrefix.split("Jason: Hi")).isEqualTo(new SpeakerPrefix.Split("Jason", "Hi"));
        assertThat(SpeakerPrefix.split("Dr. Jane O'Neil-Smith: Hello")).isNotNull();
        assertThat(SpeakerPrefix.split("Ludwig van Beethoven: Da da da")).isNotNull();
        assertThat(SpeakerPrefix.split("Speaker 2: Yes")).isEqualTo(new SpeakerPrefix.Split("Speaker 2", "Yes"));
        assertThat(SpeakerPrefix.split("JASON: Hi")).isNotNull();
        assertThat(SpeakerPrefix.split("Q: Why?")).isNotNull();
        assertThat(SpeakerPrefix.split("Note: not a person")).isNull();
        assertThat(SpeakerPrefix.split("UPDATE: later")).isNull();
        assertThat(SpeakerPrefix.split("Content Warning: violence")).isNull();
        assertThat(SpeakerPrefix.split("In this episode, we cover: x")).isNull();
        assertThat(SpeakerPrefix.split("the time was: late")).isNull();
        assertThat(SpeakerPrefix.split("One Two Three Four Five: too many words")).isNull();
        assertThat(SpeakerPrefix.split("Jason:")).isNull();
        assertThat(SpeakerPrefix.split("https://example.com")).isNull();
    }
}

package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptTest {

    private final Transcript transcript = new Transcript(List.of(
            new Segment(10, 12, "Gustavo", "Third."),
            new Segment(0.5, 4, "Jason", "First."),
            new Segment(5, 9, null, "Second."),
            new Segment(12, 12, "Jason", "A blip.")));

    @Test
    void segments_are_kept_in_order_of_their_start() {
        assertThat(transcript.segments()).extracting(Segment::text).containsExactly("First.", "Second.", "Third.", "A blip.");
    }

    @Test
    void speakers_are_listed_once_in_order_of_first_appearance() {
        assertThat(transcript.speakers()).containsExactly("Jason", "Gustavo");
    }

    @Test
    void duration_is_the_latest_end() {
        assertThat(transcript.duration()).isEqualTo(12);
        assertThat(new Transcript(List.of()).duration()).isZero();
    }

    @Test
    void segment_at_finds_the_segment_being_spoken_and_nothing_in_pauses() {
        assertThat(transcript.segmentAt(0)).isEmpty();
        assertThat(transcript.segmentAt(0.5)).map(Segment::text).contains("First.");
        assertThat(transcript.segmentAt(3.999)).map(Segment::text).contains("First.");
        assertThat(transcript.segmentAt(4.5)).isEmpty();
        assertThat(transcript.segmentAt(7)).map(Segment::text).contains("Second.");
        assertThat(transcript.segmentAt(11)).map(Segment::text).contains("Third.");
        assertThat(transcript.segmentAt(12)).map(Segment::text).contains("A blip.");
        assertThat(transcript.segmentAt(99)).isEmpty();
    }

    @Test
    void times_are_rounded_to_the_millisecond_and_must_be_sane() {
        assertThat(new Segment(1.00049, 2.0005, " ", "x")).isEqualTo(new Segment(1.0, 2.001, null, "x"));
        assertThatThrownBy(() -> new Segment(-1, 2, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Segment(3, 2, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Segment(Double.NaN, 2, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Word(2, 1, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clock_times_parse_leniently_but_refuse_impossible_values() {
        assertThat(Timecodes.parse("01:02:03.456")).hasValue(3_723_456);
        assertThat(Timecodes.parse("02:03,4")).hasValue(123_400);
        assertThat(Timecodes.parse("00:00:2.000")).hasValue(2_000);
        assertThat(Timecodes.parse("75:30")).hasValue(4_530_000);
        assertThat(Timecodes.parse("1:02:03")).hasValue(3_723_000);
        assertThat(Timecodes.parse("00:61:00")).isEmpty();
        assertThat(Timecodes.parse("00:00:60.000")).isEmpty();
        assertThat(Timecodes.parse("-00:00:01.000")).isEmpty();
        assertThat(Timecodes.parse("banana")).isEmpty();
        assertThat(Timecodes.vtt(3725.001)).isEqualTo("01:02:05.001");
        assertThat(Timecodes.srt(0.4)).isEqualTo("00:00:00,400");
    }
}

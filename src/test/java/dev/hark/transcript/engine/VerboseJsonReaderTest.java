package dev.hark.transcript.engine;

import dev.hark.transcript.Segment;
import dev.hark.transcript.Word;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerboseJsonReaderTest {

    @Test
    void adds_the_offset_attaches_words_and_skips_empty_segments() throws Exception {
        String body = """
                {"text":"Hi. Bye.","segments":[{"start":0,"end":1,"text":" Hi."},{"start":1,"end":1.2,"text":" "},
                 {"start":1.2,"end":2,"text":" Bye."}],
                 "words":[{"word":"Hi.","start":0.1,"end":0.5},{"word":"Bye.","start":1.3,"end":1.9}]}""";

        assertThat(VerboseJsonReader.segments(body, 60)).containsExactly(
                new Segment(60, 61, null, "Hi.", List.of(new Word(60.1, 60.5, "Hi."))),
                new Segment(61.2, 62, null, "Bye.", List.of(new Word(61.3, 61.9, "Bye."))));
    }

    @Test
    void a_tinydiarize_speaker_turn_flag_becomes_the_marker_speaker_turns_reads() throws Exception {
        String body = """
                {"segments":[{"start":0,"end":1,"text":" Hi.","speaker_turn_next":true},
                 {"start":1,"end":2,"text":" Hello.","speaker_turn_next":false}]}""";

        assertThat(VerboseJsonReader.segments(body, 0)).containsExactly(
                new Segment(0, 1, null, "Hi. [SPEAKER_TURN]"),
                new Segment(1, 2, null, "Hello."));
    }

    @Test
    void a_plain_json_answer_becomes_one_segment() throws Exception {
        assertThat(VerboseJsonReader.segments("{\"text\":\" Hello world \",\"duration\":3}", 10))
                .containsExactly(new Segment(10, 13, null, "Hello world"));
    }

    @Test
    void negative_times_and_missing_times_are_clear_errors() {
        assertThatThrownBy(() -> VerboseJsonReader.segments("{\"segments\":[{\"start\":-5,\"end\":1,\"text\":\"x\"}]}", 0))
                .isInstanceOf(TranscriptionException.class)
                .hasMessage("The transcription service sent an answer Hark cannot read: a time in it is negative or not a number.");
        assertThatThrownBy(() -> VerboseJsonReader.segments("{\"segments\":[{\"text\":\"x\"}]}", 0))
                .isInstanceOf(TranscriptionException.class)
                .hasMessage("The transcription service sent an answer Hark cannot read: a segment has no start or end time.");
    }
}

package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerTurnsTest {

    static Transcript demoTranscript() throws Exception {
        try (InputStream in = SpeakerTurnsTest.class.getResourceAsStream("/demo/transcript.json")) {
            return new JsonTranscriptReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8)).transcript();
        }
    }

    static Transcript withoutSpeakers(Transcript transcript) {
        return new Transcript(transcript.segments().stream().map(s -> s.withSpeaker(null)).toList());
    }

    @Test
    void tinydiarize_markers_end_a_turn_and_are_removed_from_the_text() {
        Transcript transcript = new Transcript(List.of(
                new Segment(0, 2, null, "Welcome to the show. [SPEAKER_TURN]"),
                new Segment(2, 4, null, "Thanks for having me."),
                new Segment(4, 6, null, "Glad you could come. [SPEAKER_TURN]"),
                new Segment(6, 8, null, "Me too.")));

        SpeakerTurns.Result result = SpeakerTurns.mark(transcript);

        assertThat(result).isEqualTo(new SpeakerTurns.Result(new Transcript(List.of(
                new Segment(0, 2, "A", "Welcome to the show."),
                new Segment(2, 4, "B", "Thanks for having me."),
                new Segment(4, 6, "B", "Glad you could come."),
                new Segment(6, 8, "A", "Me too."))), SpeakerTurns.Method.TINYDIARIZE, 2));
    }

    @Test
    void a_tinydiarize_marker_inside_a_segment_splits_it_by_characters() {
        Transcript transcript = new Transcript(List.of(
                new Segment(0, 4, null, "Hello there [SPEAKER_TURN] Hi yourself")));

        SpeakerTurns.Result result = SpeakerTurns.mark(transcript);

        assertThat(result.transcript().segments()).containsExactly(
                new Segment(0, 2, "A", "Hello there"),
                new Segment(2, 4, "B", "Hi yourself"));
    }

    @Test
    void a_long_pause_before_a_reply_like_opening_is_a_turn_but_either_alone_is_not() {
        Transcript transcript = new Transcript(List.of(
                new Segment(0, 3, null, "Tell me how it started."),
                new Segment(3.2, 6, null, "Yeah, so this is the follow-up."),    // opener, no pause
                new Segment(8, 10, null, "It began in a garage."),              // pause, no opener
                new Segment(11.5, 13, null, "Right, the famous garage."),         // pause and opener: turn
                new Segment(14.6, 16, null, "Do you still have it?"),             // pause and "Do": no
                new Segment(17.2, 19, null, "It was sold years ago.")));          // pause after a question: turn

        SpeakerTurns.Result result = SpeakerTurns.mark(transcript);

        assertThat(result.method()).isEqualTo(SpeakerTurns.Method.PAUSE_AND_OPENER);
        assertThat(result.transcript().segments()).extracting(Segment::speaker)
                .containsExactly("A", "A", "A", "B", "B", "A");
    }

    @Test
    void without_evidence_of_a_turn_every_speaker_stays_unknown() {
        Transcript transcript = new Transcript(List.of(
                new Segment(0, 3, null, "One long monologue."),
                new Segment(3.3, 6, null, "Yeah, it keeps going."),
                new Segment(9, 12, null, "After a pause, more of the same.")));

        SpeakerTurns.Result result = SpeakerTurns.mark(transcript);

        assertThat(result).isEqualTo(new SpeakerTurns.Result(transcript, SpeakerTurns.Method.NONE, 0));
    }

    @Test
    void publisher_speakers_are_kept() throws Exception {
        Transcript demo = demoTranscript();

        assertThat(SpeakerTurns.mark(demo)).isEqualTo(new SpeakerTurns.Result(demo, SpeakerTurns.Method.PUBLISHER, 0));
    }

    @Test
    void every_turn_found_in_the_demo_is_a_real_change_of_speaker() throws Exception {
        Transcript demo = demoTranscript();

        SpeakerTurns.Result result = SpeakerTurns.mark(withoutSpeakers(demo));

        // the heuristic misses most turns here, but must not invent any
        List<Segment> truth = demo.segments();
        List<Segment> marked = result.transcript().segments();
        assertThat(result.turns()).isPositive();
        for (int i = 1; i < marked.size(); i++) {
            if (!marked.get(i).speaker().equals(marked.get(i - 1).speaker())) {
                assertThat(truth.get(i).speaker()).as("segment %d", i).isNotEqualTo(truth.get(i - 1).speaker());
            }
        }
    }
}

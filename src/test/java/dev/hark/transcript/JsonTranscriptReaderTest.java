package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTranscriptReaderTest {

    private final JsonTranscriptReader reader = new JsonTranscriptReader();

    @Test
    void podcasting_2_segments_keep_speakers_and_a_missing_end_becomes_the_next_start() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.own("p20-sentences-with-speakers.json")).transcript();

        assertThat(transcript.segments()).containsExactly(
                new Segment(0.4, 6.439, "Jason", "Welcome to Break Things on Purpose."),
                new Segment(6.739, 10.5, "Jason", "Today with us we have Gustavo Franco."),
                new Segment(10.5, 12, "Gustavo", "Thank you very much for having me."),
                new Segment(12, 14, "Gustavo", "It’s been only a year, actually."));
    }

    @Test
    void word_level_segments_are_merged_into_sentences_keeping_the_words() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.shared("p20json-spec-darthvader-wordlevel.json")).transcript();

        assertThat(transcript.segments()).containsExactly(
                new Segment(0.5, 2.5, "Darth Vader", "I am your father.", List.of(
                        new Word(0.5, 0.75, "I"), new Word(1, 1.25, "am"),
                        new Word(1.5, 2, "your"), new Word(2.25, 2.5, "father."))),
                new Segment(2.75, 3, "Luke", "Nooooo", List.of(new Word(2.75, 3, "Nooooo"))));
    }

    @Test
    void segments_without_speakers_have_none() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.shared("p20json-segments-no-speaker.json")).transcript();

        assertThat(transcript.segments()).containsExactly(
                new Segment(0, 5.5, null, "Subtitle 1, Line 1"),
                new Segment(5.5, 10, null, "Subtitle 2, Line 1"),
                new Segment(10, 12, null, "Subtitle 3, Line 1"));
    }

    @Test
    void aws_bites_speaker_labels_are_looked_up_in_its_speakers_map() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.shared("json-awsbites-100-speaker-labels.json")).transcript();

        assertThat(transcript.speakers()).containsExactly("Luciano", "Eoin");
        assertThat(transcript.segments().getFirst()).isEqualTo(
                new Segment(0, 4.08, "Luciano", "AWS is all about removing undifferentiated heavy lifting."));
        assertThat(transcript.segments()).hasSize(563);
    }

    @Test
    void podlove_clock_strings_win_over_its_disagreeing_milliseconds_and_numeric_speakers_get_a_label() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.shared("json-podlove-fixture-lorem.json")).transcript();

        assertThat(transcript.segments()).extracting(Segment::start, Segment::end, Segment::speaker).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.0, 2.0, "Speaker 1"),
                org.assertj.core.groups.Tuple.tuple(2.0, 4.0, "Speaker 1"),
                org.assertj.core.groups.Tuple.tuple(4.001, 8.0, null));
    }

    @Test
    void whisper_style_words_are_kept() throws Exception {
        Transcript transcript = reader.read("""
                {"text": "Hello there", "segments": [{"start": 0.0, "end": 1.2, "text": " Hello there",
                  "words": [{"word": " Hello", "start": 0.0, "end": 0.5}, {"word": " there", "start": 0.6, "end": 1.2}]}]}
                """).transcript();

        assertThat(transcript.segments()).containsExactly(new Segment(0, 1.2, null, "Hello there",
                List.of(new Word(0, 0.5, "Hello"), new Word(0.6, 1.2, "there"))));
    }

    @Test
    void a_segment_with_a_bad_time_is_skipped_and_reported() throws Exception {
        ReadResult result = reader.read("""
                {"segments": [{"startTime": 1, "endTime": 2, "body": "one"},
                              {"startTime": "00:61:00", "endTime": 3, "body": "two"},
                              {"startTime": -4, "endTime": 5, "body": "three"},
                              {"endTime": 5, "body": "four"},
                              {"startTime": 6, "endTime": 5, "body": "five"},
                              {"startTime": 7, "endTime": 8, "body": "six"}]}
                """);

        assertThat(result.transcript().segments()).extracting(Segment::text).containsExactly("one", "six");
        assertThat(result.skipped()).containsExactly(
                "Bad time 00:61:00 in segment 2",
                "Bad time -4 in segment 3",
                "Segment 4 has no start time",
                "Segment 5 ends before it starts");
    }

    @Test
    void broken_json_says_where() {
        assertThatThrownBy(() -> reader.read("{\"segments\": [\n  {\"startTime\": 1,,}]}"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("The transcript is not valid JSON (line 2, column 19)");
    }

    @Test
    void json_that_is_not_a_transcript_says_so() {
        assertThatThrownBy(() -> reader.read("{\"version\": \"1.2.0\", \"chapters\": []}"))
                .hasMessage("This JSON is not a transcript: it has no list of segments");
        assertThatThrownBy(() -> reader.read("{\"segments\": []}"))
                .hasMessage("The transcript has no cues");
    }

    @Test
    void the_demo_json_has_jason_and_gustavo_in_increasing_time() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.demo("transcript.json")).transcript();

        assertThat(transcript.speakers()).containsExactly("Jason", "Gustavo");
        assertThat(transcript.segments()).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s.words()).isEmpty());
        assertThat(transcript.segments()).extracting(Segment::start).isSorted().doesNotHaveDuplicates();
        assertThat(transcript).isEqualTo(new VttReader().read(TranscriptFixtures.demo("transcript.vtt")).transcript());
    }
}

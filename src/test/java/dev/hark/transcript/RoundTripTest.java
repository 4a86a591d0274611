package dev.hark.transcript;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** VTT, SRT and JSON keep every time (to the millisecond) and every speaker through a write and a read. */
class RoundTripTest {

    private static Transcript read(String content, String hint) throws TranscriptException {
        return TranscriptReaders.read(content, hint);
    }

    /** Segments without word times: the formats that cannot hold words must still hold the rest. */
    private static List<Segment> withoutWords(Transcript transcript) {
        return transcript.segments().stream()
                .map(s -> new Segment(s.start(), s.end(), s.speaker(), s.text())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"transcript.vtt", "transcript.json"})
    void the_demo_transcript_survives_vtt_srt_and_json(String demo) throws Exception {
        Transcript original = read(TranscriptFixtures.demo(demo), demo);

        Transcript viaVtt = read(new VttWriter().write(original), "x.vtt");
        Transcript viaVttTwice = read(new VttWriter().write(viaVtt), "x.vtt");
        Transcript viaSrt = read(new SrtWriter().write(original), "x.srt");
        Transcript viaJson = read(new JsonTranscriptWriter().write(original), "x.json");

        assertThat(viaVtt).isEqualTo(original);
        assertThat(viaVttTwice).isEqualTo(original);
        assertThat(viaSrt).isEqualTo(original);
        assertThat(viaJson).isEqualTo(original);
    }

    @Test
    void real_vtt_with_voice_tags_on_speaker_changes_only_survives_every_format() throws Exception {
        Transcript original = read(TranscriptFixtures.shared("vtt-buzzsprout-bom-voice-tags-2024.vtt"), null);

        for (TranscriptFormat format : List.of(TranscriptFormat.VTT, TranscriptFormat.SRT, TranscriptFormat.JSON)) {
            Transcript back = read(TranscriptWriters.write(original, format), null);
            assertThat(back).as(format.name()).isEqualTo(original);
        }
    }

    @Test
    void awkward_times_and_text_survive() throws Exception {
        Transcript original = new Transcript(List.of(
                new Segment(0, 0, "Dr. Jane O'Neil-Smith", "Zero length & <odd> text."),
                new Segment(0.001, 0.999, "Speaker 2", "A millisecond in."),
                new Segment(59.999, 3599.999, "Speaker 2", "Up to an hour."),
                new Segment(360000.5, 360001.25, "JASON", "A hundred hours in.")));

        for (TranscriptFormat format : List.of(TranscriptFormat.VTT, TranscriptFormat.SRT, TranscriptFormat.JSON)) {
            assertThat(read(TranscriptWriters.write(original, format), null)).as(format.name()).isEqualTo(original);
        }
    }

    @Test
    void json_keeps_segments_without_speakers_among_named_ones() throws Exception {
        Transcript original = new Transcript(List.of(
                new Segment(1, 2, "Jason", "Hello."),
                new Segment(2, 3, null, "[music]"),
                new Segment(3, 4, "Gustavo", "Hi.")));

        assertThat(read(new JsonTranscriptWriter().write(original), null)).isEqualTo(original);
    }

    @Test
    void text_keeps_starts_to_the_second_and_speakers() throws Exception {
        Transcript original = read(TranscriptFixtures.demo("transcript.vtt"), null);

        Transcript back = read(new TextTranscriptWriter().write(original), "x.txt");

        assertThat(back.speakers()).isEqualTo(original.speakers());
        assertThat(back.segments()).extracting(Segment::start)
                .isEqualTo(original.segments().stream().map(s -> Math.floor(s.start())).toList());
        assertThat(withoutWords(back)).extracting(Segment::text).isEqualTo(withoutWords(original).stream().map(Segment::text).toList());
    }
}

package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TalkTimeTest {

    private static final Path FIXTURES = Path.of("../shared/fixtures/transcripts");

    private static Transcript read(String name) throws Exception {
        return TranscriptReaders.read(java.nio.file.Files.readString(FIXTURES.resolve(name)), name);
    }

    @Test
    void unnamed_segments_belong_to_the_speaker_before_them() {
        Transcript transcript = new Transcript(List.of(
                new Segment(0, 5, null, "Intro music.", List.of()),
                new Segment(5, 15, "Ann", "Welcome.", List.of()),
                new Segment(15, 25, null, "Still Ann.", List.of()),
                new Segment(25, 30, "Bob", "Hi.", List.of())), false);

        List<TalkTime.Share> shares = TalkTime.of(transcript);

        assertThat(shares).extracting(TalkTime.Share::speaker).containsExactly("Ann", "Bob");
        assertThat(shares.get(0).seconds()).isEqualTo(20);
        assertThat(shares.get(0).fraction()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void a_transcript_without_speakers_has_no_shares() throws Exception {
        Transcript transcript = read("vtt-talkpython-000-no-speakers.vtt");

        assertThat(TalkTime.of(transcript)).isEmpty();
    }

    @Test
    void the_aws_bites_hosts_share_the_episode() throws Exception {
        Transcript transcript = read("json-awsbites-100-speaker-labels.json");

        List<TalkTime.Share> shares = TalkTime.of(transcript);

        assertThat(shares).extracting(TalkTime.Share::speaker).containsExactlyInAnyOrder("Luciano", "Eoin");
        assertThat(shares.stream().mapToDouble(TalkTime.Share::fraction).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(shares.get(0).seconds()).isGreaterThan(600);
    }
}

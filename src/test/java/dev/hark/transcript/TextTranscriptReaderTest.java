package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TextTranscriptReaderTest {

    private final TextTranscriptReader reader = new TextTranscriptReader();

    @Test
    void leading_times_in_any_bracket_start_paragraphs_and_wrapped_lines_join_them() throws Exception {
        ReadResult result = reader.read(TranscriptFixtures.own("txt-timestamps-and-names.txt"));
        Transcript transcript = result.transcript();

        assertThat(result.skipped()).isEmpty();
        assertThat(transcript.approximate()).isFalse();
        assertThat(transcript.segments()).hasSize(5);
        assertThat(transcript.segments().subList(0, 4)).containsExactly(
                new Segment(0, 6, "Jason", "Welcome to Break Things on Purpose, a podcast about chaos engineering."),
                new Segment(6, 10, "Jason", "Today with us we have Gustavo Franco."),
                new Segment(10, 14, "Gustavo", "Thank you very much for having me."),
                new Segment(14, 62, "Jason", "What is VMware Tanzu?"));
        Segment last = transcript.segments().get(4);
        assertThat(last.text()).isEqualTo(
                "Kubernetes is sort of the engine, and we have a Kubernetes distribution called Tanzu Kubernetes Grid.");
        assertThat(last.start()).isEqualTo(62);
        assertThat(last.end()).isGreaterThan(62);
    }

    @Test
    void otter_style_name_and_time_lines_head_the_paragraph_below() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.own("txt-otter-headers.txt")).transcript();

        assertThat(transcript.segments()).extracting(Segment::start, Segment::speaker, Segment::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.0, "Jason", "Welcome to Break Things on Purpose."),
                org.assertj.core.groups.Tuple.tuple(36.0, "Gustavo Franco", "Thank you very much for having me."),
                org.assertj.core.groups.Tuple.tuple(62.0, "Jason", "Yeah, that sounds interesting."));
    }

    @Test
    void the_talk_python_text_reads_one_segment_per_timed_line() throws Exception {
        Transcript transcript = reader.read(TranscriptFixtures.shared("txt-talkpython-000-plain.txt")).transcript();

        assertThat(transcript.approximate()).isFalse();
        assertThat(transcript.speakers()).isEmpty();
        assertThat(transcript.segments().getFirst()).isEqualTo(new Segment(0, 6, null,
                "Talk Python To Me, episode number zero, recorded Saturday, March 21st, 2015."));
        assertThat(transcript.segments()).extracting(Segment::start).isSorted();
    }

    @Test
    void the_seed_episode_page_reads_as_jason_and_gustavo_with_approximate_times() throws Exception {
        java.nio.file.Path seed = TranscriptFixtures.sharedFolder().resolve("../../seed/episode-page.txt").normalize();
        ReadResult result = TranscriptReaders.readWithReport(TranscriptFixtures.read(seed), "episode-page.txt");
        Transcript transcript = result.transcript();

        assertThat(result.format()).isEqualTo(TranscriptFormat.TEXT);
        assertThat(transcript.approximate()).isTrue();
        assertThat(transcript.speakers()).containsExactly("Jason", "Gustavo");
        assertThat(transcript.segments().getFirst().text()).startsWith("Welcome to Break Things on Purpose");
        // the paragraph holding "[unintelligible 00:05:15]" is being spoken at 5:15
        assertThat(transcript.segmentAt(315).orElseThrow().text()).contains("that’s one team that actually [unintelligible] to me");
        assertThat(transcript.segmentAt(328.5).orElseThrow().text()).contains("which is a [unintelligible] plugin");
        assertThat(transcript.segments()).extracting(Segment::start).isSorted();
    }

    @Test
    void a_bad_leading_time_is_reported_and_its_text_kept() throws Exception {
        ReadResult result = reader.read("[00:00:01] Jason: Hi.\n[00:61:00] Gustavo: Hello.\n");

        assertThat(result.skipped()).containsExactly("Bad time 00:61:00 on line 2");
        assertThat(result.transcript().segments()).extracting(Segment::text).containsExactly("Hi.", "Hello.");
        assertThat(result.transcript().approximate()).isTrue();
    }

    @Test
    void blank_text_has_no_cues() {
        assertThatThrownBy(() -> reader.read("\n\n  \n")).hasMessage("The transcript has no cues");
    }

    @Test
    void estimated_times_follow_the_text_length() throws Exception {
        Transcript transcript = reader.read("A: " + "x".repeat(149) + "\nB: y\n").transcript();

        assertThat(transcript.segments().get(1).start()).isCloseTo(10.0, within(0.1));
    }
}

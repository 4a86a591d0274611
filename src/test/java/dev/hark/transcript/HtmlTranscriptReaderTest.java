package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HtmlTranscriptReaderTest {

    private final HtmlTranscriptReader reader = new HtmlTranscriptReader();

    @Test
    void cite_and_time_give_each_paragraph_its_speaker_and_start() throws Exception {
        ReadResult result = reader.read(TranscriptFixtures.own("html-cite-time.html"));
        Transcript transcript = result.transcript();

        assertThat(result.format()).isEqualTo(TranscriptFormat.HTML);
        assertThat(transcript.approximate()).isFalse();
        assertThat(transcript.segments()).extracting(Segment::start, Segment::speaker).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0.0, "Jason"),
                org.assertj.core.groups.Tuple.tuple(36.0, "Gustavo"),
                org.assertj.core.groups.Tuple.tuple(62.0, "Jason"));
        assertThat(transcript.segments().get(0).end()).isEqualTo(36.0);
        assertThat(transcript.segments().get(1).text()).isEqualTo("Thank you very much for having me.");
        // the last one runs on at the speaking rate of the ones before it
        assertThat(transcript.segments().get(2).end()).isGreaterThan(62.0);
    }

    @Test
    void speaker_paragraphs_after_the_transcript_heading_get_times_from_the_inaudible_marks() throws Exception {
        ReadResult result = reader.read(TranscriptFixtures.own("html-speaker-paragraphs.html"));
        Transcript transcript = result.transcript();

        assertThat(result.skipped()).isEmpty();
        assertThat(transcript.approximate()).isTrue();
        assertThat(transcript.speakers()).containsExactly("Jason", "Gustavo");
        assertThat(transcript.segments()).extracting(Segment::speaker)
                .containsExactly("Jason", "Gustavo", "Gustavo", "Jason", "Gustavo");
        assertThat(transcript.segments().getFirst().text()).startsWith("Welcome to Break Things on Purpose");
        assertThat(transcript.segments().get(2).text()).endsWith("That’s one team that actually [unintelligible] to me.");
        // the 1:15 mark stands near the end of the third paragraph, the 1:48 one inside the fifth
        assertThat(transcript.segments().get(2).end()).isCloseTo(75.0, within(5.0));
        assertThat(transcript.segmentAt(100).orElseThrow().text()).contains("[inaudible] plugin");
        assertThat(transcript.segments()).extracting(Segment::start).isSorted();
    }

    @Test
    void paragraphs_without_any_time_are_spread_at_a_speaking_rate() throws Exception {
        Transcript transcript = reader.read("<p>Jason: " + "word ".repeat(30) + "</p><p>Gustavo: Hi.</p>").transcript();

        assertThat(transcript.approximate()).isTrue();
        assertThat(transcript.segments().get(0).start()).isZero();
        // 150 characters at 15 characters a second
        assertThat(transcript.segments().get(1).start()).isCloseTo(10.0, within(0.5));
    }

    @Test
    void a_time_mark_going_back_in_time_is_ignored_and_reported() throws Exception {
        ReadResult result = reader.read("<p>Jason: one [inaudible 00:02:00] two</p><p>Gustavo: three [crosstalk 00:01:00] four</p>");

        assertThat(result.skipped()).containsExactly("Time 00:01:00 on line 1 is earlier than the time before it");
        assertThat(result.transcript().segments()).extracting(Segment::start).isSorted();
    }

    @Test
    void a_page_with_no_text_has_no_cues() {
        assertThatThrownBy(() -> reader.read("<html><body><nav>Home</nav></body></html>"))
                .isInstanceOf(TranscriptException.class)
                .hasMessage("The transcript has no cues");
    }

    @Test
    void line_breaks_inside_a_paragraph_separate_speakers() throws Exception {
        Transcript transcript = reader.read("<div><p>Jason: Hi.<br>Gustavo: Hello.<br>Good to be here.</p></div>").transcript();

        assertThat(transcript.segments()).extracting(Segment::speaker, Segment::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Jason", "Hi."),
                org.assertj.core.groups.Tuple.tuple("Gustavo", "Hello."),
                org.assertj.core.groups.Tuple.tuple("Gustavo", "Good to be here."));
    }
}

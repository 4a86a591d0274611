package dev.hark.transcript;

import dev.hark.feed.Person;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerNamerTest {

    private static final SpeakerClues DEMO_FEED = new SpeakerClues("Hark demo (synthesized voices)",
            List.of(new Person("Jason", "host", null, null, null), new Person("Gustavo Franco", "guest", null, null, null)),
            "Gustavo Franco: Reliability as a Product Feature (synthesized excerpt)",
            "Gustavo Franco, a senior engineering manager at VMware, joins Jason to talk about building reliability.");

    /** The demo with its speakers replaced by turn labels, as SpeakerTurns would give them. */
    private static Transcript demoWithTurns() throws Exception {
        Map<String, String> labels = new LinkedHashMap<>();
        List<Segment> segments = new ArrayList<>();
        for (Segment segment : SpeakerTurnsTest.demoTranscript().segments()) {
            String label = labels.computeIfAbsent(segment.speaker(), s -> labels.isEmpty() ? "A" : "B");
            segments.add(segment.withSpeaker(label));
        }
        return new Transcript(segments);
    }

    private static Transcript turns(String... lines) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] labelAndText = lines[i].split(": ", 2);
            segments.add(new Segment(i * 5, i * 5 + 4, labelAndText[0], labelAndText[1]));
        }
        return new Transcript(segments);
    }

    private static List<String> names(NamedTranscript named) {
        return named.speakers().stream().map(SpeakerEvidence::name).toList();
    }

    @Test
    void names_the_demo_host_and_guest_from_the_feed() throws Exception {
        NamedTranscript named = SpeakerNamer.name(demoWithTurns(), DEMO_FEED);

        assertThat(names(named)).containsExactly("Jason", "Gustavo Franco");
        assertThat(named.transcript().speakers()).containsExactly("Jason", "Gustavo Franco");
        assertThat(named.speakers().get(0).evidence()).containsExactly(
                "welcomes or introduces first, at 0:00: \"Welcome to Break Things on Purpose, a podcast about chaos "
                        + "engineering and build…\"",
                "<podcast:person role=\"host\">Jason</podcast:person>");
        assertThat(named.speakers().get(1).evidence()).contains("thanks the host for having them",
                "<podcast:person role=\"guest\">Gustavo Franco</podcast:person>",
                "episode title \"Gustavo Franco: Reliability as a Product Feature (synthesized excerpt)\"");
    }

    @Test
    void names_the_demo_guest_from_the_hosts_introduction_alone_and_leaves_the_host_unnamed() throws Exception {
        NamedTranscript named = SpeakerNamer.name(demoWithTurns(), SpeakerClues.none());

        assertThat(names(named)).containsExactly("Speaker 1", "Gustavo Franco");
        assertThat(named.speakers().get(0).named()).isFalse();
        assertThat(named.speakers().get(1).evidence()).anyMatch(line -> line.startsWith("introduced at 0:26"));
    }

    record Case(String description, Transcript transcript, SpeakerClues clues, List<String> expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    @Test
    void names_speakers_only_from_evidence() {
        List<Case> cases = List.of(
                new Case("self-introduced host, guest from the title",
                        turns("A: Welcome to the show. I'm Jane Smith.", "B: Thanks for having me."),
                        new SpeakerClues(null, List.of(), "Building sheds with Bob Jones", null),
                        List.of("Jane Smith", "Bob Jones")),
                new Case("a first name becomes the full name of the host",
                        turns("A: Hello and welcome back, I'm Jane.", "B: Great to be here."),
                        new SpeakerClues(null, List.of(new Person("Jane Smith", "host", null, null, null)), null,
                                "Bob Jones joins us to talk about sheds."),
                        List.of("Jane Smith", "Bob Jones")),
                new Case("host from a personal author name",
                        turns("A: Welcome to Shed Talk.", "B: Hi."),
                        new SpeakerClues("Jane Smith", List.of(), "Episode 12", null),
                        List.of("Jane Smith", "Speaker 2")),
                new Case("a company author is not a host name",
                        turns("A: Welcome to Shed Talk.", "B: Hi."),
                        new SpeakerClues("Acme Media", List.of(), null, null),
                        List.of("Speaker 1", "Speaker 2")),
                new Case("no welcome: no way to tell which voice is the host",
                        turns("A: It rained today.", "B: Yeah, it did."),
                        new SpeakerClues("Jane Smith", List.of(), null, null),
                        List.of("Speaker 1", "Speaker 2")),
                new Case("no evidence at all",
                        turns("A: It rained today.", "B: Yeah, it did.", "A: Sheds got wet."),
                        SpeakerClues.none(),
                        List.of("Speaker 1", "Speaker 2")),
                new Case("two guests and two other voices: no guess",
                        turns("A: Welcome to Shed Talk.", "B: Hello.", "C: Hi there."),
                        new SpeakerClues(null, List.of(new Person("Ann Lee", "guest", null, null, null),
                                new Person("Bo Chen", "guest", null, null, null)), null, null),
                        List.of("Speaker 1", "Speaker 2", "Speaker 3")),
                new Case("a self-introduced guest, and the other guest by elimination",
                        turns("A: Welcome to Shed Talk.", "B: Hello, I'm Ann Lee.", "C: Hi there."),
                        new SpeakerClues(null, List.of(new Person("Ann Lee", "guest", null, null, null),
                                new Person("Bo Chen", "guest", null, null, null)), null, null),
                        List.of("Speaker 1", "Ann Lee", "Bo Chen")),
                new Case("a capitalised word after 'with' in the transcript is not a guest",
                        turns("A: Welcome, today we work with Kubernetes.", "B: Sure."),
                        SpeakerClues.none(),
                        List.of("Speaker 1", "Speaker 2")));

        for (Case c : cases) {
            assertThat(names(SpeakerNamer.name(c.transcript(), c.clues()))).as(c.description()).isEqualTo(c.expected());
        }
    }

    @Test
    void label_and_name_keeps_publisher_names_and_names_found_turns() throws Exception {
        Transcript demo = SpeakerTurnsTest.demoTranscript();

        assertThat(SpeakerNamer.labelAndName(demo, SpeakerClues.none())).isEqualTo(new NamedTranscript(demo, List.of(
                new SpeakerEvidence("Jason", "Jason", List.of("named in the publisher's transcript")),
                new SpeakerEvidence("Gustavo", "Gustavo", List.of("named in the publisher's transcript")))));

        Transcript local = new Transcript(List.of(
                new Segment(0, 3, null, "Welcome to Shed Talk, I'm Jane Smith. How did you start?"),
                new Segment(4.5, 8, null, "Well, thanks for having me. It began in a garage.")));
        assertThat(SpeakerNamer.labelAndName(local, SpeakerClues.none()).transcript().speakers())
                .containsExactly("Jane Smith", "Speaker 2");
    }

    @Test
    void a_transcript_without_speakers_is_left_as_it_is() {
        Transcript transcript = new Transcript(List.of(new Segment(0, 1, null, "Welcome, I'm Jane Smith.")));

        NamedTranscript named = SpeakerNamer.name(transcript, SpeakerClues.none());

        assertThat(named).isEqualTo(new NamedTranscript(transcript, List.of()));
    }

    @Test
    void reads_persons_from_extras_json() {
        assertThat(SpeakerClues.personsFromExtras("{\"persons\":[{\"name\":\"Jason\",\"role\":\"host\"},"
                + "{\"name\":\"Gustavo Franco\",\"role\":\"Guest\",\"href\":\"https://example.com\"}]}"))
                .containsExactly(new Person("Jason", "host", null, null, null),
                        new Person("Gustavo Franco", "guest", null, "https://example.com", null));
        assertThat(SpeakerClues.personsFromExtras("not json")).isEmpty();
        assertThat(SpeakerClues.personsFromExtras(null)).isEmpty();
    }
}

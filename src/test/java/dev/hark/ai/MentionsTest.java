package dev.hark.ai;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {

    private static final List<Sentence> AWS_BITES = Sentences.of(AiFixtures.shared("json-awsbites-100-speaker-labels.json"));
    private static final List<Sentence> TALK_PYTHON = Sentences.of(AiFixtures.shared("vtt-talkpython-554-voice-tags.vtt"));

    private static Optional<Mention> named(List<Mention> mentions, String name) {
        return mentions.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static List<String> speakers(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::speaker).filter(Objects::nonNull).distinct().toList();
    }

    /** Every moment is the start of a sentence that says the word. */
    private static void assertMomentsSay(List<Sentence> sentences, Mention mention, String word) {
        for (double moment : mention.moments()) {
            assertThat(sentences).filteredOn(s -> s.start() == moment)
                    .anySatisfy(s -> assertThat(s.text()).containsIgnoringCase(word));
        }
    }

    @Test
    void recurring_names_are_found_at_the_sentences_that_say_them() {
        List<Mention> mentions = Mentions.find(AWS_BITES, MentionHints.none());

        Mention aws = named(mentions, "AWS").orElseThrow();
        assertThat(aws.moments()).hasSize(Mentions.MAX_MOMENTS).startsWith(0.0);
        assertMomentsSay(AWS_BITES, aws, "AWS");
        Mention ampt = named(mentions, "Ampt").orElseThrow();
        assertMomentsSay(AWS_BITES, ampt, "Ampt");
        assertThat(named(mentions, "DynamoDB")).map(Mention::kind).contains(Mention.Kind.PRODUCT);

        List<Mention> python = Mentions.find(TALK_PYTHON, MentionHints.none());
        assertMomentsSay(TALK_PYTHON, named(python, "Python").orElseThrow(), "Python");
        assertMomentsSay(TALK_PYTHON, named(python, "Six Feet Up").orElseThrow(), "Six Feet Up");
        assertThat(named(python, "Anthropic")).map(Mention::kind).contains(Mention.Kind.ORGANISATION);
    }

    @Test
    void capitalised_words_that_start_sentences_are_not_mentions() {
        for (List<Sentence> sentences : List.of(AWS_BITES, TALK_PYTHON)) {
            List<String> names = Mentions.find(sentences, MentionHints.none()).stream().map(Mention::name).toList();
            assertThat(names).doesNotContain("So", "Yeah", "And", "But", "Okay", "Like", "You", "It", "The", "I", "AI",
                    "API", "Absolutely", "Sounds");
            assertThat(names).allSatisfy(name -> assertThat(name).doesNotStartWith("So "));
        }
    }

    @Test
    void a_feed_person_is_found_by_surname_and_speakers_by_name() {
        List<Sentence> episodeZero = Sentences.of(AiFixtures.shared("vtt-talkpython-000-no-speakers.vtt"));
        // the feed's full name is not said; "Jesse Davis" is
        List<Mention> mentions = Mentions.find(episodeZero, new MentionHints(List.of("Jesse Jiryu Davis"), List.of(), List.of()));

        Sentence said = episodeZero.stream().filter(s -> s.text().contains("Davis")).findFirst().orElseThrow();
        assertThat(named(mentions, "Jesse Jiryu Davis"))
                .contains(new Mention("Jesse Jiryu Davis", Mention.Kind.PERSON, List.of(said.start())));
        assertThat(mentions).extracting(Mention::name).doesNotContain("Jesse");

        List<Mention> guest = Mentions.find(TALK_PYTHON, new MentionHints(List.of(), speakers(TALK_PYTHON), List.of()));
        Mention sumit = named(guest, "Sumit Gundawar").orElseThrow(() -> new AssertionError(guest.toString()));
        assertThat(sumit.kind()).isEqualTo(Mention.Kind.PERSON);
        assertMomentsSay(TALK_PYTHON, sumit, "Sumit Gundawar");
    }

    @Test
    void speaker_labels_are_no_hints_and_show_note_links_are_found_once() {
        List<Mention> mentions = Mentions.find(TALK_PYTHON,
                new MentionHints(List.of(), List.of("spk_0", "Speaker 2"), List.of("Pydantic AI", "A very long link text that is a sentence")));

        assertThat(mentions).extracting(Mention::name).doesNotContain("spk_0", "Speaker 2")
                .doesNotContain("A very long link text that is a sentence");
        assertMomentsSay(TALK_PYTHON, named(mentions, "Pydantic AI").orElseThrow(), "Pydantic AI");
    }

    @Test
    void kinds_come_from_the_words_around_a_name() {
        List<Sentence> sentences = List.of(
                new Sentence(0, 5, "Ann", "Ann: I spoke with Grace Hopper about it."),
                new Sentence(40, 45, "Ann", "Then Grace Hopper said it was fine."),
                new Sentence(80, 85, "Bob", "I loved the book Clean Code by the way."),
                new Sentence(120, 125, "Bob", "Everyone should read Clean Code once."),
                new Sentence(160, 165, "Ann", "We used the Acme Labs team for that."),
                new Sentence(200, 205, "Ann", "And Acme Labs was great."),
                new Sentence(240, 245, "Bob", "We moved to Postgres 16 last year."),
                new Sentence(250, 255, "Bob", "I think Postgres is fine."),
                new Sentence(300, 305, "Ann", "Ann: We flew to Lisbon and then Lisbon again."));

        assertThat(Mentions.find(sentences, MentionHints.none())).containsExactly(
                new Mention("Grace Hopper", Mention.Kind.PERSON, List.of(0.0, 40.0)),
                new Mention("Clean Code", Mention.Kind.BOOK, List.of(80.0, 120.0)),
                new Mention("Acme Labs", Mention.Kind.ORGANISATION, List.of(160.0, 200.0)),
                new Mention("Postgres", Mention.Kind.PRODUCT, List.of(240.0)));
    }

    @Test
    void at_most_thirty_mentions_each_with_at_most_ten_moments_thirty_seconds_apart() {
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 20; j++) {
                sentences.add(new Sentence(i * 1000 + j * 40, i * 1000 + j * 40 + 5, null,
                        "We talked about Thing" + (char) ('A' + i % 26) + (i / 26) + " again and again."));
            }
        }
        sentences.add(new Sentence(99_999, 100_001, null, "And ThingA0 came back too."));

        List<Mention> mentions = Mentions.find(sentences, MentionHints.none());

        assertThat(mentions).hasSize(Mentions.MAX_MENTIONS);
        assertThat(mentions.getFirst().name()).isEqualTo("ThingA0");
        for (Mention mention : mentions) {
            assertThat(mention.moments()).hasSizeLessThanOrEqualTo(Mentions.MAX_MOMENTS).isSorted();
            for (int k = 1; k < mention.moments().size(); k++) {
                assertThat(mention.moments().get(k) - mention.moments().get(k - 1)).isGreaterThanOrEqualTo(Mentions.MOMENT_GAP);
            }
        }
    }

    @Test
    void an_hour_of_transcript_takes_well_under_a_second() {
        assertThat(TALK_PYTHON.getLast().start()).isGreaterThan(3500);
        MentionHints hints = new MentionHints(List.of("Jesse Jiryu Davis"), speakers(TALK_PYTHON), List.of("Pydantic AI"));
        long started = System.nanoTime();
        Mentions.find(TALK_PYTHON, hints);
        long coldMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Mentions.find(TALK_PYTHON, hints);
        long warmMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(coldMillis).isLessThan(1000);
        assertThat(warmMillis).isLessThan(250);
    }
}

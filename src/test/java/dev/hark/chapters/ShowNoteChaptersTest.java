package dev.hark.chapters;

import dev.hark.feed.FeedParser;
import dev.hark.feed.ParsedEpisode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ShowNoteChaptersTest {

    private static final Long ONE_HOUR = 3600L;

    private static List<Chapter> chapters(Object... startsAndTitles) {
        List<Chapter> list = new java.util.ArrayList<>();
        for (int i = 0; i < startsAndTitles.length; i += 2) {
            list.add(Chapter.of(((Number) startsAndTitles[i]).doubleValue(), (String) startsAndTitles[i + 1]));
        }
        return list;
    }

    static Stream<Arguments> chapterLists() {
        return Stream.of(
                Arguments.of("plain lines", "Today:\n00:00 Welcome\n12:34 - Topic\n45:00 Outro", ONE_HOUR,
                        chapters(0, "Welcome", 754, "Topic", 2700, "Outro")),
                Arguments.of("square brackets with hours", "[00:00:00] Intro\n[00:12:34] Topic\n[01:02:03] Later", 4000L,
                        chapters(0, "Intro", 754, "Topic", 3723, "Later")),
                Arguments.of("round brackets, short hours", "(0:00) Intro\n(1:02:03) Topic", 4000L,
                        chapters(0, "Intro", 3723, "Topic")),
                Arguments.of("dashes and bullets", "- 0:00 – Hello\n• 1:02:03 – Topic\n* 1:10:00 — Bye", 4500L,
                        chapters(0, "Hello", 3723, "Topic", 4200, "Bye")),
                Arguments.of("numbered list", "1. 00:00 Intro\n2. 05:30 Main part\n3) 40:00 End", ONE_HOUR,
                        chapters(0, "Intro", 330, "Main part", 2400, "End")),
                Arguments.of("HTML list items", "<p>Chapters</p><ul><li>00:00 Intro</li><li>03:15 <b>News</b> of the week</li></ul>",
                        ONE_HOUR, chapters(0, "Intro", 195, "News of the week")),
                Arguments.of("HTML paragraphs with links", "<p><a href=\"#t=0\">00:00</a> Intro</p><p><a href=\"#t=600\">10:00</a>&nbsp;Guest</p>",
                        ONE_HOUR, chapters(0, "Intro", 600, "Guest")),
                Arguments.of("br-separated lines", "Timestamps:<br>02:00 Intro<br/>15:00 Deep dive<br />59:59 Questions", ONE_HOUR,
                        chapters(120, "Intro", 900, "Deep dive", 3599, "Questions")),
                Arguments.of("HTML with plain line breaks inside", "<p>00:00 Intro\n20:00 Talk</p>", ONE_HOUR,
                        chapters(0, "Intro", 1200, "Talk")),
                Arguments.of("minutes past sixty without hours", "00:00 Start\n75:30 Late topic", 5000L,
                        chapters(0, "Start", 4530, "Late topic")),
                Arguments.of("unknown duration", "00:00 Start\n2:30:00 Late topic", null,
                        chapters(0, "Start", 9000, "Late topic")),
                Arguments.of("a last chapter within the leeway", "00:00 A\n61:00 B", ONE_HOUR,
                        chapters(0, "A", 3660, "B")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapterLists")
    void timestamp_lists_in_show_notes_become_chapters(String name, String notes, Long duration, List<Chapter> expected) {
        assertThat(ShowNoteChapters.find(notes, duration)).contains(new Chapters(expected, Chapters.SHOW_NOTES));
    }

    static Stream<Arguments> notChapterLists() {
        return Stream.of(
                Arguments.of("no notes", null, ONE_HOUR),
                Arguments.of("no timestamps", "<p>A show about things.</p>", ONE_HOUR),
                Arguments.of("one timestamp", "Skip to 12:34 Interview for the good part.\n12:34 Interview", ONE_HOUR),
                Arguments.of("times inside sentences", "We start at 00:00 sharp and at 12:34 the guest joins.", ONE_HOUR),
                Arguments.of("times after the title", "Intro 00:00\nTopic 12:34", ONE_HOUR),
                Arguments.of("not increasing", "00:00 Intro\n30:00 Middle\n20:00 Back", ONE_HOUR),
                Arguments.of("the same time twice", "00:00 Intro\n00:00 Also intro", ONE_HOUR),
                Arguments.of("first too late", "11:00 Talk\n20:00 Talk", ONE_HOUR),
                Arguments.of("past the end", "00:00 Intro\n59:00 Outro", 1800L),
                Arguments.of("timestamps without titles", "00:00\n12:34\n20:00", ONE_HOUR),
                Arguments.of("unbalanced brackets", "[00:00 Intro\n(12:34] Topic", ONE_HOUR),
                Arguments.of("impossible clock values", "00:00 Intro\n00:75 Topic\n1:61:00 Other", ONE_HOUR),
                Arguments.of("times of day", "Live on Friday:\n19:00 Doors\n20:00 Show", ONE_HOUR),
                Arguments.of("four-part clock values", "00:00:00:00 A\n00:00:10:00 B", ONE_HOUR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notChapterLists")
    void show_notes_without_a_chapter_list_give_none(String name, String notes, Long duration) {
        assertThat(ShowNoteChapters.find(notes, duration)).isEmpty();
    }

    @Test
    void the_demo_episode_notes_give_its_four_chapters() throws Exception {
        ParsedEpisode episode;
        try (InputStream in = getClass().getResourceAsStream("/demo/feed.xml")) {
            episode = new FeedParser().parse(in.readAllBytes(), "http://127.0.0.1:7000/demo/feed.xml").episodes().getFirst();
        }

        Optional<Chapters> chapters = ShowNoteChapters.find(episode.descriptionHtml(), episode.duration());

        assertThat(episode.duration()).isEqualTo(264L);
        assertThat(chapters).contains(new Chapters(chapters(0, "Welcome, and meet Gustavo Franco",
                62, "What is VMware Tanzu?", 139, "A common platform for reliability", 195, "SRE beyond SRE"),
                Chapters.SHOW_NOTES));
        // the notes agree with the publisher's chapters file to the second
        assertThat(ShowNoteChapters.find(episode.description(), episode.duration())).isEqualTo(chapters);
    }

    @Test
    void the_demo_podcast_description_mentions_no_chapters() throws Exception {
        String feed;
        try (InputStream in = getClass().getResourceAsStream("/demo/feed.xml")) {
            feed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String channelDescription = feed.substring(feed.indexOf("<description>"), feed.indexOf("</description>"));

        assertThat(ShowNoteChapters.find(channelDescription, 264L)).isEmpty();
    }
}

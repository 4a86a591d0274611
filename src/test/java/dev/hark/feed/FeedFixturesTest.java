package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real-world feed in shared/fixtures/feeds parses; every broken-* one fails plainly. */
class FeedFixturesTest {

    private final FeedParser parser = new FeedParser();

    static Stream<Path> readableFeeds() {
        return Fixtures.feedFiles().stream().filter(file -> !Fixtures.name(file).startsWith("broken-"));
    }

    static Stream<Path> brokenFeeds() {
        return Fixtures.feedFiles().stream().filter(file -> Fixtures.name(file).startsWith("broken-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableFeeds")
    void every_fixture_feed_parses_into_playable_episodes(Path file) throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.read(file), "https://example.com/feeds/feed.xml");
        for (ParsedEpisode episode : feed.episodes()) {
            assertThat(episode.enclosures()).isNotEmpty();
            assertThat(episode.enclosures()).allSatisfy(enclosure ->
                    assertThat(enclosure.url()).matches("(?i)https?://\\S.*"));
            assertThat(List.of(episode.title() == null ? "" : episode.title(),
                    episode.description() == null ? "" : episode.description()))
                    .allSatisfy(text -> assertThat(text).doesNotStartWith(" ").doesNotEndWith(" "));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFeeds")
    void every_broken_fixture_fails_with_one_plain_sentence(Path file) {
        assertThatThrownBy(() -> parser.parse(Fixtures.read(file), null))
                .isInstanceOf(FeedParseException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .as("one plain sentence").endsWith(".")
                        .doesNotContain("\n").doesNotContain("Exception"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFeeds")
    void broken_fixture_messages_say_what_is_wrong(Path file) {
        String expected = switch (Fixtures.name(file)) {
            case "broken-castero-not-rss-root" -> "This is not a podcast feed: its root element is <faketag>";
            case "broken-mismatched-tag-allthingschemical" -> "The feed is not well-formed XML at line 109";
            case "broken-zero-bytes" -> "The feed is empty.";
            default -> "The feed";
        };
        assertThatThrownBy(() -> parser.parse(Fixtures.read(file), null)).hasMessageStartingWith(expected);
    }
}

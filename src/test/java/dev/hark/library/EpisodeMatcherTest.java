package dev.hark.library;

import dev.hark.feed.ParsedEpisode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.hark.testing.TestFeeds.episode;
import static org.assertj.core.api.Assertions.assertThat;

class EpisodeMatcherTest {

    private final EpisodeMatcher matcher = new EpisodeMatcher();

    private static final List<EpisodeMatcher.Stored> STORED = List.of(
            new EpisodeMatcher.Stored(1, "g1", "https://a.example/1.mp3", "One", 100L),
            new EpisodeMatcher.Stored(2, "g2", "https://a.example/2.mp3", "Two", 200L),
            new EpisodeMatcher.Stored(3, null, "https://a.example/3.mp3", "Three", 300L),
            new EpisodeMatcher.Stored(4, null, "https://a.example/4.mp3", "Four", 400L));

    @Test
    void guid_wins_over_a_changed_title_and_a_new_media_host() {
        List<ParsedEpisode> incoming = List.of(episode("g2", "Two (remastered)", "https://cdn.other/2.mp3", 200L));
        assertThat(matcher.match(STORED, incoming)).containsExactly(2L);
    }

    @Test
    void reordered_items_keep_their_episodes() {
        List<ParsedEpisode> incoming = List.of(
                episode("g2", "Two", "https://a.example/2.mp3", 200L),
                episode("g1", "One", "https://a.example/1.mp3", 100L));
        assertThat(matcher.match(STORED, incoming)).containsExactly(2L, 1L);
    }

    @Test
    void items_without_guid_match_by_media_url_then_by_title_and_date() {
        List<ParsedEpisode> incoming = List.of(
                episode(null, "Three, retitled", "https://a.example/3.mp3", 300L),
                episode(null, "Four", "https://moved.example/4.mp3", 400L));
        assertThat(matcher.match(STORED, incoming)).containsExactly(3L, 4L);
    }

    @Test
    void an_unknown_item_is_new() {
        List<ParsedEpisode> incoming = List.of(episode("g9", "Nine", "https://a.example/9.mp3", 900L));
        assertThat(matcher.match(STORED, incoming)).containsExactly((Long) null);
    }

    @Test
    void a_duplicated_guid_claims_one_episode_and_the_copy_falls_back_to_its_media_url() {
        List<ParsedEpisode> incoming = List.of(
                episode("g1", "One", "https://a.example/1.mp3", 100L),
                episode("g1", "Two, published with a copied guid", "https://a.example/2.mp3", 200L));
        assertThat(matcher.match(STORED, incoming)).containsExactly(1L, 2L);
    }

    @Test
    void a_duplicated_guid_with_no_other_match_becomes_a_new_episode() {
        List<ParsedEpisode> incoming = List.of(
                episode("g1", "One", "https://a.example/1.mp3", 100L),
                episode("g1", "Bonus", "https://a.example/bonus.mp3", 150L));
        assertThat(matcher.match(STORED, incoming)).isEqualTo(Arrays.asList(1L, null));
    }

    @Test
    void a_guid_match_is_not_stolen_by_an_earlier_item_matching_by_url() {
        // the first item has no guid but the media URL of episode 2; episode 2's guid comes later
        List<ParsedEpisode> incoming = List.of(
                episode(null, "Trailer", "https://a.example/2.mp3", 50L),
                episode("g2", "Two", "https://a.example/2-new.mp3", 200L));
        assertThat(matcher.match(STORED, incoming)).isEqualTo(Arrays.asList(null, 2L));
    }
}

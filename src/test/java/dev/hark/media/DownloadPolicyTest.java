package dev.hark.media;

import dev.hark.media.DownloadPolicy.AutoPodcast;
import dev.hark.media.DownloadPolicy.Candidate;
import dev.hark.media.DownloadPolicy.Evict;
import dev.hark.media.DownloadPolicy.Fetch;
import dev.hark.media.DownloadPolicy.Stored;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Candidate episode(long id, long podcast, Long published, boolean played, boolean downloaded) {
        return new Candidate(id, podcast, published, (int) (100 - id), true, played, downloaded);
    }

    private static Stored stored(long id, long bytes, long published, boolean played, boolean started, Instant playedAt) {
        return new Stored(id, bytes, published, T0.plusSeconds(id), played, started, playedAt);
    }

    @Test
    void the_newest_n_of_each_podcast_are_downloaded_with_n_set_per_podcast() {
        List<Candidate> candidates = List.of(
                episode(1, 10, 100L, false, false), episode(2, 10, 300L, false, false), episode(3, 10, 200L, false, false),
                episode(4, 20, 500L, false, false), episode(5, 20, 400L, false, false));

        assertThat(new DownloadPolicy(Long.MAX_VALUE).downloads(List.of(new AutoPodcast(10, 2), new AutoPodcast(20, 1)), candidates))
                .containsExactly(new Fetch(2, 10), new Fetch(3, 10), new Fetch(4, 20));
    }

    @Test
    void played_or_downloaded_episodes_among_the_newest_are_skipped_without_reaching_older_ones() {
        List<Candidate> candidates = List.of(
                episode(1, 10, 400L, true, false),   // newest, played
                episode(2, 10, 300L, false, true),   // downloaded already
                episode(3, 10, 200L, false, false),
                episode(4, 10, 100L, false, false)); // fourth newest: out with N = 3

        assertThat(new DownloadPolicy(Long.MAX_VALUE).downloads(List.of(new AutoPodcast(10, 3)), candidates))
                .containsExactly(new Fetch(3, 10));
    }

    @Test
    void undated_episodes_come_after_dated_ones_in_feed_order_and_dropped_ones_never_download() {
        List<Candidate> candidates = List.of(
                new Candidate(1, 10, null, 0, true, false, false),
                new Candidate(2, 10, null, 1, true, false, false),
                new Candidate(3, 10, 50L, 2, true, false, false),
                new Candidate(4, 10, 999L, 3, false, false, false));

        assertThat(new DownloadPolicy(Long.MAX_VALUE).downloads(List.of(new AutoPodcast(10, 2)), candidates))
                .containsExactly(new Fetch(3, 10), new Fetch(1, 10));
    }

    @Test
    void n_of_zero_or_a_podcast_without_automatic_downloads_downloads_nothing() {
        List<Candidate> candidates = List.of(episode(1, 10, 1L, false, false), episode(2, 20, 1L, false, false));

        assertThat(new DownloadPolicy(0).downloads(List.of(new AutoPodcast(10, 0)), candidates)).isEmpty();
        assertThat(new DownloadPolicy(0).downloads(List.of(new AutoPodcast(30, 5)), candidates)).isEmpty();
    }

    @Test
    void nothing_is_evicted_under_the_cap() {
        List<Stored> stored = List.of(stored(1, 400, 100, true, false, T0), stored(2, 600, 200, false, false, null));

        assertThat(new DownloadPolicy(1000).evictions(stored)).isEmpty();
    }

    @Test
    void played_episodes_go_first_the_longest_ago_played_first() {
        List<Stored> stored = List.of(
                stored(1, 500, 100, false, false, null),
                stored(2, 500, 300, true, false, T0.plusSeconds(60)),
                stored(3, 500, 200, true, false, T0));

        assertThat(new DownloadPolicy(600).evictions(stored)).containsExactly(
                new Evict(3, 500, Evict.Reason.PLAYED), new Evict(2, 500, Evict.Reason.PLAYED));
    }

    @Test
    void then_the_oldest_unplayed_and_what_is_being_listened_to_last() {
        List<Stored> stored = List.of(
                stored(1, 500, 100, false, true, T0),      // oldest, but in progress
                stored(2, 500, 200, false, false, null),
                stored(3, 500, 300, false, false, null),
                stored(4, 500, 400, true, false, T0));

        assertThat(new DownloadPolicy(500).evictions(stored)).containsExactly(
                new Evict(4, 500, Evict.Reason.PLAYED),
                new Evict(2, 500, Evict.Reason.UNPLAYED_OLDEST),
                new Evict(3, 500, Evict.Reason.UNPLAYED_OLDEST));
        assertThat(new DownloadPolicy(0).evictions(stored)).last().isEqualTo(new Evict(1, 500, Evict.Reason.STARTED_OLDEST));
    }

    @Test
    void negative_settings_are_refused() {
        assertThatThrownBy(() -> new AutoPodcast(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

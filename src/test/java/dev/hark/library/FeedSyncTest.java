package dev.hark.library;

import dev.hark.feed.ParsedFeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.hark.testing.TestFeeds.episode;
import static dev.hark.testing.TestFeeds.feed;
import static org.assertj.core.api.Assertions.assertThat;

class FeedSyncTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final FeedSync.Validators NONE = new FeedSync.Validators(null, null, null);

    @TempDir
    Path data;

    private Database database;
    private PodcastRepository podcasts;
    private EpisodeRepository episodes;
    private PlayStateRepository playStates;
    private FeedSync sync;
    private long podcastId;

    @BeforeEach
    void open() {
        reopen();
        podcastId = podcasts.subscribe("https://a.example/feed.xml", NOW).podcast().id();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        database.close();
    }

    private void reopen() {
        if (database != null) {
            database.close();
        }
        database = Database.open(data);
        podcasts = new PodcastRepository(database.jdbi());
        episodes = new EpisodeRepository(database.jdbi());
        playStates = new PlayStateRepository(database.jdbi());
        sync = new FeedSync(database.jdbi());
    }

    private static ParsedFeed version1() {
        return feed("Show", List.of(
                episode("g2", "Two", "https://a.example/2.mp3", 200L),
                episode("g1", "One", "https://a.example/1.mp3", 100L)));
    }

    @Test
    void first_sync_stores_the_podcast_and_every_episode() {
        FeedSync.Outcome outcome = sync.apply(podcastId, version1(), new FeedSync.Validators("\"e1\"", "Mon", "h1"), NOW, LATER);

        assertThat(outcome).isEqualTo(new FeedSync.Outcome(2, 0, 0));
        Podcast podcast = podcasts.get(podcastId);
        assertThat(podcast.title()).isEqualTo("Show");
        assertThat(podcast.etag()).isEqualTo("\"e1\"");
        assertThat(podcast.contentHash()).isEqualTo("h1");
        assertThat(podcast.nextCheckAt()).isEqualTo(LATER);
        assertThat(episodes.listByPodcast(podcastId)).extracting(Episode::title).containsExactly("Two", "One");
    }

    @Test
    void refresh_keeps_position_when_title_host_and_order_change() {
        sync.apply(podcastId, version1(), NONE, NOW, LATER);
        long one = episodes.listByPodcast(podcastId).stream().filter(e -> "g1".equals(e.guid())).findFirst().orElseThrow().id();
        playStates.save(one, 754.5, false, NOW);

        ParsedFeed version2 = feed("Show", List.of(
                episode("g1", "One (edited title)", "https://new-host.example/1.mp3", 100L),
                episode("g3", "Three", "https://new-host.example/3.mp3", 300L),
                episode("g2", "Two", "https://new-host.example/2.mp3", 200L)));
        FeedSync.Outcome outcome = sync.apply(podcastId, version2, NONE, LATER, LATER.plusSeconds(3600));

        assertThat(outcome).isEqualTo(new FeedSync.Outcome(1, 2, 0));
        Episode edited = episodes.get(one);
        assertThat(edited.title()).isEqualTo("One (edited title)");
        assertThat(edited.mediaUrl()).isEqualTo("https://new-host.example/1.mp3");
        assertThat(playStates.find(one)).map(PlayState::position).contains(754.5);
        assertThat(episodes.countByPodcast(podcastId)).isEqualTo(3);
    }

    @Test
    void episodes_dropped_from_the_feed_are_kept_with_their_state() {
        sync.apply(podcastId, version1(), NONE, NOW, LATER);
        long two = episodes.listByPodcast(podcastId).getFirst().id();
        playStates.save(two, 10, true, NOW);

        FeedSync.Outcome outcome = sync.apply(podcastId, feed("Show", List.of(episode("g1", "One", "https://a.example/1.mp3", 100L))),
                NONE, LATER, LATER);

        assertThat(outcome.droppedFromFeed()).isEqualTo(1);
        assertThat(episodes.get(two).inFeed()).isFalse();
        assertThat(playStates.find(two)).map(PlayState::played).contains(true);
    }

    @Test
    void the_library_survives_reopening_the_file() {
        sync.apply(podcastId, version1(), NONE, NOW, LATER);
        long id = episodes.listByPodcast(podcastId).getFirst().id();
        playStates.save(id, 42, false, NOW);

        reopen();

        assertThat(podcasts.list()).extracting(Podcast::title).containsExactly("Show");
        assertThat(episodes.countByPodcast(podcastId)).isEqualTo(2);
        assertThat(playStates.find(id)).map(PlayState::position).contains(42.0);
    }

    @Test
    void a_failure_counts_up_and_a_success_resets_it() {
        sync.recordFailure(podcastId, "The feed was not found (404)", NOW, LATER);
        sync.recordFailure(podcastId, "The feed was not found (404)", NOW, LATER);
        assertThat(podcasts.get(podcastId).failureCount()).isEqualTo(2);
        assertThat(podcasts.get(podcastId).lastError()).isEqualTo("The feed was not found (404)");

        sync.recordUnchanged(podcastId, NONE, LATER, LATER.plusSeconds(60));

        Podcast podcast = podcasts.get(podcastId);
        assertThat(podcast.failureCount()).isZero();
        assertThat(podcast.lastError()).isNull();
        assertThat(podcast.lastSuccessAt()).isEqualTo(LATER);
    }

    @Test
    void moving_to_an_address_another_subscription_has_changes_nothing() {
        podcasts.subscribe("https://b.example/feed.xml", NOW);

        assertThat(sync.moveTo(podcastId, "https://b.example/feed.xml")).isFalse();
        assertThat(podcasts.get(podcastId).feedUrl()).isEqualTo("https://a.example/feed.xml");
        assertThat(sync.moveTo(podcastId, "https://c.example/feed.xml")).isTrue();
        assertThat(podcasts.get(podcastId).feedUrl()).isEqualTo("https://c.example/feed.xml");
    }

    @Test
    void unsubscribing_removes_episodes_and_their_state() {
        sync.apply(podcastId, version1(), NONE, NOW, LATER);
        long id = episodes.listByPodcast(podcastId).getFirst().id();
        playStates.save(id, 5, false, NOW);

        podcasts.delete(podcastId);

        assertThat(episodes.find(id)).isEmpty();
        assertThat(playStates.find(id)).isEmpty();
    }

    @Test
    void the_database_runs_in_wal_mode_with_foreign_keys() {
        String journal = database.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        int foreignKeys = database.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(foreignKeys).isEqualTo(1);
    }

    @Test
    void a_podcast_is_found_by_id_url_or_a_unique_part_of_its_title() {
        sync.apply(podcastId, version1(), NONE, NOW, LATER);
        assertThat(podcasts.resolve(Long.toString(podcastId)).id()).isEqualTo(podcastId);
        assertThat(podcasts.resolve("https://a.example/feed.xml").id()).isEqualTo(podcastId);
        assertThat(podcasts.resolve("sho").id()).isEqualTo(podcastId);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> podcasts.resolve("nothing like it"))
                .isInstanceOf(NotFoundException.class).hasMessage("No podcast matches \"nothing like it\"");
    }
}

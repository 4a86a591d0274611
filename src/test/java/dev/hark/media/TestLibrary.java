package dev.hark.media;

import dev.hark.feed.Enclosure;
import dev.hark.feed.ParsedEpisode;
import dev.hark.library.Database;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.PodcastRepository;
import dev.hark.testing.TestFeeds;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A real library in a temporary folder with one podcast, for media tests. */
final class TestLibrary implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    final Database database;
    final PodcastRepository podcasts;
    final EpisodeRepository episodes;
    final DownloadRepository downloads;
    final long podcastId;
    private final List<ParsedEpisode> items = new ArrayList<>();

    TestLibrary(Path dataDir) {
        database = Database.open(dataDir);
        podcasts = new PodcastRepository(database.jdbi());
        episodes = new EpisodeRepository(database.jdbi());
        downloads = new DownloadRepository(database.jdbi());
        podcastId = podcasts.subscribe("https://show.example/feed.xml", NOW).podcast().id();
    }

    /** Adds an episode with this media address, type and feed length, and returns it. */
    Episode addEpisode(String mediaUrl, String mediaType, Long length) {
        String guid = "g" + items.size();
        ParsedEpisode base = TestFeeds.episode(guid, "Episode " + items.size(), mediaUrl, 1_700_000_000L + items.size());
        items.add(0, new ParsedEpisode(base.guid(), base.title(), base.published(), base.duration(),
                List.of(new Enclosure(mediaUrl, mediaType, length)), base.link(), base.description(),
                base.descriptionHtml(), base.image(), base.season(), base.episode(), base.episodeType(),
                base.explicit(), base.block(), base.transcripts(), base.chaptersUrl(), base.chaptersType(),
                base.persons(), base.soundbites(), base.funding(), base.alternateEnclosures()));
        new FeedSync(database.jdbi()).apply(podcastId, TestFeeds.feed("Show", items),
                new FeedSync.Validators(null, null, null), NOW, NOW.plusSeconds(3600));
        return episodes.listByPodcast(podcastId).stream().filter(e -> e.guid().equals(guid)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        database.close();
    }
}

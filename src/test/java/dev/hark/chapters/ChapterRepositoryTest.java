package dev.hark.chapters;

import dev.hark.library.Database;
import dev.hark.library.FeedSync;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.PodcastRepository;
import dev.hark.testing.TestFeeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path data;

    private Database database;
    private ChapterRepository chapters;
    private long episodeId;

    @BeforeEach
    void open() {
        database = Database.open(data);
        chapters = new ChapterRepository(database.jdbi());
        long podcastId = new PodcastRepository(database.jdbi()).subscribe("https://a.example/feed.xml", NOW).podcast().id();
        new FeedSync(database.jdbi()).apply(podcastId, TestFeeds.feed("Show",
                        List.of(TestFeeds.episode("g1", "One", "https://a.example/1.mp3", 100L))),
                new FeedSync.Validators(null, null, null), NOW, NOW);
        episodeId = new EpisodeRepository(database.jdbi()).listByPodcast(podcastId).getFirst().id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void chapters_read_back_exactly_as_saved_with_ends_and_toc_flags() throws Exception {
        Chapters saved = ChapterJsonReader.read(Files.readAllBytes(
                ChapterJsonReaderTest.fixture("p20-chapters-spec-complex-valid.json")), null);
        Chapters withEnd = new Chapters(List.of(new Chapter(0.5, 10.25, "Ä", null, null, true)), Chapters.PODLOVE);

        chapters.save(episodeId, saved, "https://a.example/ch.json", null, NOW);
        assertThat(chapters.find(episodeId)).contains(saved);

        chapters.save(episodeId, withEnd, null, null, NOW.plusSeconds(5));
        assertThat(chapters.find(episodeId)).contains(withEnd);
        assertThat(chapters.statuses(List.of(episodeId, 12345L))).containsOnlyKeys(episodeId)
                .containsValue(new ChapterRepository.Status(episodeId, Chapters.PODLOVE, null, null, NOW.plusSeconds(5)));
    }

    @Test
    void an_unavailable_file_is_remembered_but_gives_no_chapters() {
        chapters.saveUnavailable(episodeId, "https://a.example/gone.json", "The chapters file is gone (410).", NOW);

        assertThat(chapters.find(episodeId)).isEmpty();
        assertThat(chapters.statuses(List.of(episodeId)).get(episodeId)).isEqualTo(new ChapterRepository.Status(
                episodeId, null, "https://a.example/gone.json", "The chapters file is gone (410).", NOW));
    }
}

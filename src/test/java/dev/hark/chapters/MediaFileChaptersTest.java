package dev.hark.chapters;

import dev.hark.library.Database;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.PodcastRepository;
import dev.hark.testing.TestFeeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaFileChaptersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path data;

    private Database database;
    private ChapterRepository chapters;
    private MediaFileChapters media;
    private long episodeId;

    @BeforeEach
    void open() {
        database = Database.open(data);
        chapters = new ChapterRepository(database.jdbi());
        media = new MediaFileChapters(chapters, Clock.fixed(NOW, ZoneOffset.UTC));
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

    private Path mp3() throws Exception {
        return Id3ChaptersTest.mp3WithChapters(data, 3);
    }

    @Test
    void chapters_in_the_file_are_stored_when_the_episode_has_none() throws Exception {
        Chapters stored = media.importFrom(episodeId, mp3()).orElseThrow();

        assertThat(stored.source()).isEqualTo(Chapters.ID3);
        assertThat(stored.list()).extracting(Chapter::title).containsExactly("Intro", "Café – Überblick", "Outro");
        assertThat(chapters.find(episodeId)).contains(stored);
    }

    @Test
    void the_publishers_chapters_file_wins_over_the_media_file() throws Exception {
        Chapters publisher = new Chapters(List.of(Chapter.of(0, "From the file")), Chapters.PUBLISHER_JSON);
        chapters.save(episodeId, publisher, "https://show.example/ch.json", null, NOW);

        assertThat(media.importFrom(episodeId, mp3())).contains(publisher);
        assertThat(chapters.find(episodeId)).contains(publisher);
    }

    @Test
    void the_media_file_wins_over_show_notes_and_keeps_what_the_chapters_job_recorded() throws Exception {
        chapters.save(episodeId, new Chapters(List.of(Chapter.of(0, "Note")), Chapters.SHOW_NOTES),
                "https://show.example/gone.json", "The chapters file is gone (410).", NOW);

        media.importFrom(episodeId, mp3());

        assertThat(chapters.find(episodeId).orElseThrow().source()).isEqualTo(Chapters.ID3);
        Map<Long, ChapterRepository.Status> statuses = chapters.statuses(List.of(episodeId));
        assertThat(statuses.get(episodeId)).isEqualTo(new ChapterRepository.Status(episodeId, Chapters.ID3,
                "https://show.example/gone.json", "The chapters file is gone (410).", NOW));
    }

    @Test
    void a_file_without_chapters_changes_nothing_and_a_broken_tag_is_reported() throws Exception {
        Path plain = Files.write(data.resolve("plain.mp3"), new byte[] {1, 2, 3});
        assertThat(media.importFrom(episodeId, plain)).isEmpty();
        assertThat(chapters.statuses(List.of(episodeId))).isEmpty();

        byte[] broken = Id3ChaptersTest.tag(3, Id3ChaptersTest.frame(3, "CHAP", Id3ChaptersTest.chap("a", 0, 1000)));
        broken[17] += 50;
        Path bad = Files.write(data.resolve("bad.mp3"), broken);
        assertThatThrownBy(() -> media.importFrom(episodeId, bad)).isInstanceOf(ChaptersException.class);
    }
}

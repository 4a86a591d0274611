package dev.hark.transcript;

import dev.hark.library.Database;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.NotFoundException;
import dev.hark.library.PodcastRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.hark.testing.TestFeeds.episode;
import static dev.hark.testing.TestFeeds.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TranscriptRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path data;

    private Database database;
    private EpisodeRepository episodes;
    private TranscriptRepository transcripts;
    private long episodeId;

    @BeforeEach
    void open() {
        database = Database.open(data);
        episodes = new EpisodeRepository(database.jdbi());
        transcripts = new TranscriptRepository(database.jdbi());
        long podcastId = new PodcastRepository(database.jdbi()).subscribe("https://a.example/feed.xml", NOW).podcast().id();
        new FeedSync(database.jdbi()).apply(podcastId, feed("Show", List.of(episode("g1", "One", "https://a.example/1.mp3", 100L))),
                new FeedSync.Validators(null, null, null), NOW, NOW);
        episodeId = episodes.listByPodcast(podcastId).getFirst().id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Transcript sample(boolean approximate) {
        return new Transcript(List.of(
                new Segment(0.4, 2.5, "Darth Vader", "I am your father.", List.of(new Word(0.5, 0.75, "I"), new Word(1, 1.25, "am"))),
                new Segment(2.75, 3, null, "Nooooo")), approximate);
    }

    @Test
    void saving_a_transcript_marks_the_episode_with_its_source() {
        transcripts.save(new StoredTranscript(episodeId, StoredTranscript.PUBLISHER, TranscriptFormat.VTT, "en", sample(false), NOW));

        assertThat(episodes.get(episodeId).transcriptSource()).isEqualTo("publisher");
        assertThat(transcripts.find(episodeId)).contains(
                new StoredTranscript(episodeId, "publisher", TranscriptFormat.VTT, "en", sample(false), NOW));
    }

    @Test
    void saving_again_replaces_the_transcript_and_its_source() {
        transcripts.save(new StoredTranscript(episodeId, "whisper", null, null, sample(false), NOW));
        transcripts.save(new StoredTranscript(episodeId, "publisher", TranscriptFormat.HTML, "en", sample(true), NOW.plusSeconds(5)));

        StoredTranscript stored = transcripts.find(episodeId).orElseThrow();
        assertThat(stored.source()).isEqualTo("publisher");
        assertThat(stored.format()).isEqualTo(TranscriptFormat.HTML);
        assertThat(stored.transcript().approximate()).isTrue();
        assertThat(transcripts.source(episodeId)).contains("publisher");
        assertThat(episodes.get(episodeId).transcriptSource()).isEqualTo("publisher");
    }

    @Test
    void a_missing_episode_is_refused_and_nothing_is_written() {
        assertThatThrownBy(() -> transcripts.save(new StoredTranscript(9999, "publisher", null, null, sample(false), NOW)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No episode with id 9999");
        assertThat(transcripts.find(9999)).isEmpty();
    }

    @Test
    void deleting_clears_the_episodes_source() {
        transcripts.save(new StoredTranscript(episodeId, "publisher", TranscriptFormat.JSON, null, sample(false), NOW));

        assertThat(transcripts.delete(episodeId)).isTrue();
        assertThat(transcripts.delete(episodeId)).isFalse();
        assertThat(transcripts.find(episodeId)).isEmpty();
        assertThat(episodes.get(episodeId).transcriptSource()).isNull();
    }
}

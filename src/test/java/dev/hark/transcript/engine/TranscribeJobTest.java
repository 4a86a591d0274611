package dev.hark.transcript.engine;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobContext;
import dev.hark.jobs.JobFailure;
import dev.hark.library.Database;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.PodcastRepository;
import dev.hark.media.DownloadRepository;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaStore;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.TestFeeds;
import dev.hark.transcript.Segment;
import dev.hark.transcript.StoredTranscript;
import dev.hark.transcript.Transcript;
import dev.hark.transcript.TranscriptRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job on a real SQLite library, the enclosure and the model served on loopback. */
class TranscribeJobTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Ffmpeg FFMPEG = new Ffmpeg();

    @TempDir
    static Path generated;

    private static byte[] audio;
    private static byte[] model;

    @TempDir
    Path data;

    private LoopbackFeedServer server;
    private Database database;
    private EpisodeRepository episodes;
    private PodcastRepository podcasts;
    private TranscriptRepository transcripts;
    private long podcastId;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Double> fractions = new CopyOnWriteArrayList<>();
    private final JobContext context = (fraction, message) -> {
        fractions.add(fraction);
        messages.add(message);
    };

    @BeforeAll
    static void generate() throws Exception {
        audio = Files.readAllBytes(TestSpeech.write(FFMPEG, generated.resolve("episode.mp3"), 25));
        model = Files.readAllBytes(RandomWhisperModel.tiny().write(generated.resolve("model.bin"), 5));
    }

    @BeforeEach
    void open() {
        server = LoopbackFeedServer.start();
        server.serve("/models/ggml-tiny.en.bin", LoopbackFeedServer.Reply.ok(model, "application/octet-stream"));
        database = Database.open(data);
        episodes = new EpisodeRepository(database.jdbi());
        podcasts = new PodcastRepository(database.jdbi());
        transcripts = new TranscriptRepository(database.jdbi());
        podcastId = podcasts.subscribe("https://show.example/feed.xml", NOW).podcast().id();
    }

    @AfterEach
    void close() {
        server.close();
        database.close();
    }

    private Episode addEpisode(String mediaUrl) {
        new FeedSync(database.jdbi()).apply(podcastId, TestFeeds.feed("Show", List.of(
                        TestFeeds.episode("g1", "Episode one", mediaUrl, 1_700_000_000L))),
                new FeedSync.Validators(null, null, null), NOW, NOW.plusSeconds(3600));
        return episodes.listByPodcast(podcastId).getFirst();
    }

    private TranscribeJob job(SpeakerLabeler speakers) {
        ModelStore models = new ModelStore(data.resolve("models"), URI.create(server.url("/models/")), Map.of());
        return new TranscribeJob(episodes, podcasts, new DownloadRepository(database.jdbi()), new MediaStore(data), FFMPEG,
                models, transcripts, speakers, new TranscribeSettings("tiny.en", 2, 10), data.resolve("transcribe"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String run(TranscribeJob handler, long episodeId) throws Exception {
        return handler.run(new Job(1, TranscribeJob.KIND, Long.toString(episodeId), Job.State.RUNNING, 1, 3,
                NOW, null, null, null, null, NOW, NOW, null), context);
    }

    @Test
    void an_episode_from_its_enclosure_url_gets_a_whisper_transcript() throws Exception {
        server.serve("/ep.mp3", LoopbackFeedServer.Reply.ok(audio, "audio/mpeg"));
        Episode episode = addEpisode(server.url("/ep.mp3"));

        String result = run(job(SpeakerLabeler.NONE), episode.id());

        StoredTranscript stored = transcripts.find(episode.id()).orElseThrow();
        assertThat(stored.source()).isEqualTo("whisper:tiny.en");
        assertThat(stored.language()).isEqualTo("en");
        assertThat(transcripts.source(episode.id())).contains("whisper:tiny.en");
        assertThat(stored.transcript().segments()).isNotEmpty()
                .allSatisfy(segment -> assertThat(segment.end()).isLessThanOrEqualTo(25.1));
        assertThat(stored.transcript().speakers()).isEmpty();
        assertThat(result).matches("\\d+ segments with tiny\\.en in 0:\\d\\d.*");
        assertThat(messages).anySatisfy(message -> assertThat(message).startsWith("fetching the tiny.en model"));
        assertThat(messages).anySatisfy(message -> assertThat(message).matches("transcribing 0:\\d\\d of 30:00, .*× real time.*"));
        assertThat(fractions.getLast()).isEqualTo(1.0);
        assertThat(data.resolve("models/ggml-tiny.en.bin")).exists();
        assertThat(data.resolve("transcribe")).isEmptyDirectory();
    }

    @Test
    void the_speaker_labeler_sees_the_transcript_before_it_is_saved() throws Exception {
        server.serve("/ep.mp3", LoopbackFeedServer.Reply.ok(audio, "audio/mpeg"));
        Episode episode = addEpisode(server.url("/ep.mp3"));
        SpeakerLabeler everyoneIsHost = (ep, source, transcript) -> new Transcript(
                transcript.segments().stream().map(segment -> segment.withSpeaker("Speaker 1")).toList());

        run(job(everyoneIsHost), episode.id());

        assertThat(transcripts.find(episode.id()).orElseThrow().transcript().segments())
                .extracting(Segment::speaker).containsOnly("Speaker 1");
    }

    @Test
    void a_missing_enclosure_fails_with_the_decoders_message_and_stores_nothing() {
        server.serve("/gone.mp3", LoopbackFeedServer.Reply.status(404));
        Episode episode = addEpisode(server.url("/gone.mp3"));

        assertThatThrownBy(() -> run(job(SpeakerLabeler.NONE), episode.id()))
                .isInstanceOf(JobFailure.class)
                .hasMessageContaining("did not deliver");
        assertThat(transcripts.find(episode.id())).isEmpty();
    }
}

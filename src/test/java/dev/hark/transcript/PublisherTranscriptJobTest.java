package dev.hark.transcript;

import dev.hark.feed.Enclosure;
import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FetchLimits;
import dev.hark.feed.ParsedEpisode;
import dev.hark.feed.TranscriptRef;
import dev.hark.jobs.Backoff;
import dev.hark.jobs.Job;
import dev.hark.jobs.JobFailure;
import dev.hark.jobs.JobQueue;
import dev.hark.jobs.JobRunner;
import dev.hark.library.Database;
import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.library.FeedSync;
import dev.hark.library.PodcastRepository;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.hark.testing.TestFeeds.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job against a real loopback HTTP server and a real SQLite library. */
class PublisherTranscriptJobTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path data;

    private LoopbackFeedServer server;
    private FeedFetcher fetcher;
    private Database database;
    private EpisodeRepository episodes;
    private TranscriptRepository transcripts;
    private JobQueue queue;
    private PublisherTranscriptJob handler;
    private long podcastId;

    @BeforeEach
    void open() {
        server = LoopbackFeedServer.start();
        fetcher = new FeedFetcher(FetchLimits.defaults().withTotalTimeout(Duration.ofSeconds(5)));
        database = Database.open(data);
        episodes = new EpisodeRepository(database.jdbi());
        transcripts = new TranscriptRepository(database.jdbi());
        queue = new JobQueue(database.jdbi());
        PodcastRepository podcasts = new PodcastRepository(database.jdbi());
        podcastId = podcasts.subscribe("https://a.example/feed.xml", NOW).podcast().id();
        handler = new PublisherTranscriptJob(episodes, podcasts, transcripts, fetcher, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        fetcher.close();
        server.close();
        database.close();
    }

    /** Stores one episode per list of links (feed language "en") and returns them in that order. */
    @SafeVarargs
    private List<Episode> episodesWithLinks(List<TranscriptRef>... links) {
        List<ParsedEpisode> items = new java.util.ArrayList<>();
        for (int i = 0; i < links.length; i++) {
            items.add(new ParsedEpisode("g" + i, "Episode " + i, 1000L - i, 1800L,
                    List.of(new Enclosure("https://a.example/" + i + ".mp3", "audio/mpeg", 1000L)),
                    null, "About it", null, null, null, null, null, null, false, links[i], null, null,
                    List.of(), List.of(), List.of(), List.of()));
        }
        new FeedSync(database.jdbi()).apply(podcastId, feed("Show", items), new FeedSync.Validators(null, null, null), NOW, NOW);
        return episodes.listByPodcast(podcastId);
    }

    private TranscriptRef link(String path, String type) {
        return new TranscriptRef(server.url(path), type, "en", null);
    }

    private static Job job(long episodeId, int attempt) {
        return new Job(1, PublisherTranscriptJob.KIND, Long.toString(episodeId), Job.State.RUNNING, attempt,
                PublisherTranscriptJob.MAX_ATTEMPTS, NOW, null, null, null, null, NOW, NOW, null);
    }

    private String run(long episodeId) throws Exception {
        return handler.run(job(episodeId, 1), (fraction, message) -> { });
    }

    @Test
    void a_vtt_served_as_text_plain_is_sniffed_stored_and_marks_the_episode_publisher() throws Exception {
        server.serve("/t.vtt", Reply.ok(TranscriptFixtures.demo("transcript.vtt"), "text/plain"));
        Episode episode = episodesWithLinks(List.of(link("/t.vtt", "text/vtt"))).getFirst();

        String result = run(episode.id());

        assertThat(result).startsWith("Publisher transcript (VTT, en): ").endsWith("segments, 2 speakers");
        StoredTranscript stored = transcripts.find(episode.id()).orElseThrow();
        assertThat(stored.source()).isEqualTo("publisher");
        assertThat(stored.format()).isEqualTo(TranscriptFormat.VTT);
        assertThat(stored.transcript()).isEqualTo(TranscriptReaders.read(TranscriptFixtures.demo("transcript.vtt"), null));
        assertThat(episodes.get(episode.id()).transcriptSource()).isEqualTo("publisher");
    }

    @Test
    void a_broken_transcript_fails_for_good_with_a_clear_message_and_stores_nothing() {
        server.serve("/broken.vtt", Reply.ok(TranscriptFixtures.own("vtt-all-bad.vtt"), "text/vtt"));
        Episode episode = episodesWithLinks(List.of(link("/broken.vtt", "text/vtt"))).getFirst();

        assertThatThrownBy(() -> run(episode.id()))
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessage("The publisher's transcript could not be read: "
                        + "bad time 00:00:61.000 on line 3, and 1 more cues could not be read");
        assertThat(transcripts.find(episode.id())).isEmpty();
        assertThat(episodes.get(episode.id()).transcriptSource()).isNull();
    }

    @Test
    void a_link_serving_something_that_is_not_a_transcript_says_so() {
        server.serve("/t.json", Reply.ok("{\"version\": \"1.2.0\", \"chapters\": []}", "application/json"));
        Episode episode = episodesWithLinks(List.of(link("/t.json", "application/json"))).getFirst();

        assertThatThrownBy(() -> run(episode.id())).hasMessage(
                "The publisher's transcript could not be read: this JSON is not a transcript: it has no list of segments");
    }

    @Test
    void when_the_best_link_is_gone_the_next_one_is_used() throws Exception {
        server.serve("/t.srt", Reply.ok(TranscriptFixtures.own("srt-name-prefixes.srt"), "application/octet-stream"));
        Episode episode = episodesWithLinks(List.of(
                link("/t.srt", "application/x-subrip"),
                link("/missing.json", "application/json"))).getFirst();

        assertThat(run(episode.id())).startsWith("Publisher transcript (SRT, en): 6 segments, 2 speakers");
        assertThat(server.requestCount("/missing.json")).isEqualTo(1);
    }

    @Test
    void when_every_link_is_broken_the_first_ones_problem_is_given() {
        Episode episode = episodesWithLinks(List.of(
                link("/missing.json", "application/json"),
                link("/missing.vtt", "text/vtt"))).getFirst();

        assertThatThrownBy(() -> run(episode.id())).hasMessage(
                "The publisher's transcript could not be read: its address answers 404 Not Found (2 links tried)");
    }

    @Test
    void a_server_error_is_retried_later_instead_of_settling_for_a_worse_link() {
        server.serve("/t.json", Reply.status(503));
        server.serve("/t.txt", Reply.ok("[00:00:01] Jason: Hi.", "text/plain"));
        Episode episode = episodesWithLinks(List.of(link("/t.json", "application/json"), link("/t.txt", "text/plain"))).getFirst();

        assertThatThrownBy(() -> run(episode.id()))
                .isInstanceOfSatisfying(JobFailure.class, failure -> assertThat(failure.retryable()).isTrue())
                .hasMessageStartingWith("The publisher's transcript could not be fetched: the server had an error");
        assertThat(server.requestCount("/t.txt")).isZero();
    }

    @Test
    void on_the_last_attempt_a_worse_link_is_better_than_none() throws Exception {
        server.serve("/t.json", Reply.status(503));
        server.serve("/t.txt", Reply.ok("[00:00:01] Jason: Hi.", "text/plain"));
        Episode episode = episodesWithLinks(List.of(link("/t.json", "application/json"), link("/t.txt", "text/plain"))).getFirst();

        String result = handler.run(job(episode.id(), PublisherTranscriptJob.MAX_ATTEMPTS), (fraction, message) -> { });

        assertThat(result).isEqualTo("Publisher transcript (TEXT, en): 1 segment, 1 speaker");
    }

    @Test
    void an_episode_without_links_or_id_fails_for_good() {
        Episode episode = episodesWithLinks(List.of()).getFirst();

        assertThatThrownBy(() -> run(episode.id())).hasMessage("This episode has no publisher transcript");
        assertThatThrownBy(() -> run(9999)).hasMessage("No episode with id 9999");
    }

    @Test
    void enqueue_for_queues_episodes_with_links_and_no_transcript_and_the_runner_stores_them() throws Exception {
        server.serve("/t.json", Reply.ok(TranscriptFixtures.demo("transcript.json"), "application/json"));
        List<Episode> list = episodesWithLinks(List.of(link("/t.json", "application/json")), List.of());
        Episode withLinks = list.stream().filter(e -> !PublisherTranscriptJob.links(e).isEmpty()).findFirst().orElseThrow();

        assertThat(PublisherTranscriptJob.enqueueFor(queue, list, NOW)).isEqualTo(1);
        try (JobRunner runner = new JobRunner(queue, Map.of(PublisherTranscriptJob.KIND, handler), Map.of(PublisherTranscriptJob.KIND, 2),
                Clock.systemUTC(), new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofSeconds(30),
                Duration.ofMillis(20)).start()) {
            runner.drain(jobs -> { });
        }

        assertThat(episodes.get(withLinks.id()).transcriptSource()).isEqualTo("publisher");
        assertThat(transcripts.find(withLinks.id()).orElseThrow().transcript().speakers()).containsExactly("Jason", "Gustavo");
        // now that it has one, it is not queued again
        assertThat(PublisherTranscriptJob.enqueueFor(queue, episodes.listByPodcast(podcastId), NOW)).isZero();
    }

    @Test
    void an_episode_that_already_has_the_publishers_transcript_is_left_alone() throws Exception {
        server.serve("/t.vtt", Reply.ok(TranscriptFixtures.demo("transcript.vtt"), "text/vtt"));
        Episode episode = episodesWithLinks(List.of(link("/t.vtt", "text/vtt"))).getFirst();
        run(episode.id());

        assertThat(run(episode.id())).isEqualTo("Already has the publisher's transcript");
        assertThat(server.requestCount("/t.vtt")).isEqualTo(1);
    }

    @Test
    void an_html_fragment_in_the_podcasting_2_shape_is_stored_but_a_whole_web_page_is_refused() throws Exception {
        server.serve("/t.html", Reply.ok(TranscriptFixtures.own("html-cite-time.html"), "text/html"));
        server.serve("/page.html", Reply.ok(TranscriptFixtures.own("html-speaker-paragraphs.html"), "text/html"));
        List<Episode> list = episodesWithLinks(List.of(link("/t.html", "text/html")), List.of(link("/page.html", "text/html")));

        assertThat(run(list.get(0).id())).isEqualTo("Publisher transcript (HTML, en): 3 segments, 2 speakers");
        // FeedFetcher refuses full HTML documents (it guards against pasted home pages)
        assertThatThrownBy(() -> run(list.get(1).id())).hasMessage("The publisher's transcript could not be read: "
                + "its address serves a whole web page, which Hark does not fetch (served as text/html)");
    }
}

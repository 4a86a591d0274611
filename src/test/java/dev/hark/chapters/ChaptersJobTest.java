package dev.hark.chapters;

import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FeedParser;
import dev.hark.feed.FetchLimits;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChaptersJobTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final String CHAPTERS = """
            {"version":"1.2.0","chapters":[
              {"startTime":0,"title":"Intro","img":"img/intro.jpg"},
              {"startTime":62.5,"title":"Main","url":"https://example.org/main"},
              {"startTime":200,"title":"Outro"}]}""";
    private static final String TIMESTAMPED_NOTES = "<ul><li>00:00 Hello</li><li>02:00 Topic</li></ul>";

    @TempDir
    Path data;

    private LoopbackFeedServer server;
    private Database database;
    private FeedFetcher fetcher;
    private PodcastRepository podcasts;
    private EpisodeRepository episodes;
    private ChapterRepository chapters;
    private JobQueue queue;
    private ChaptersJob job;
    private long podcastId;

    @BeforeEach
    void open() {
        server = LoopbackFeedServer.start();
        database = Database.open(data);
        fetcher = new FeedFetcher(FetchLimits.defaults().withTotalTimeout(Duration.ofSeconds(5)));
        podcasts = new PodcastRepository(database.jdbi());
        episodes = new EpisodeRepository(database.jdbi());
        chapters = new ChapterRepository(database.jdbi());
        queue = new JobQueue(database.jdbi());
        job = new ChaptersJob(episodes, chapters, fetcher, Clock.fixed(NOW, ZoneOffset.UTC));
        podcastId = podcasts.subscribe(server.url("/feed.xml"), NOW).podcast().id();
    }

    @AfterEach
    void close() {
        fetcher.close();
        database.close();
        server.close();
    }

    /** An item for {@link #store}: its chapters path on the loopback server (or null) and its notes. */
    private record Item(String guid, String chaptersPath, String notes) {
    }

    /** Stores a feed with these items the way a refresh does, and returns the episodes by guid order. */
    private List<Episode> store(Item... items) throws Exception {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
                + "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Show</title>");
        for (Item item : items) {
            xml.append("<item><title>").append(item.guid()).append("</title><guid>").append(item.guid()).append("</guid>")
                    .append("<enclosure url=\"https://media.example/").append(item.guid()).append(".mp3\" type=\"audio/mpeg\"/>")
                    .append("<itunes:duration>00:10:00</itunes:duration>");
            if (item.chaptersPath() != null) {
                xml.append("<podcast:chapters url=\"").append(server.url(item.chaptersPath()))
                        .append("\" type=\"application/json+chapters\"/>");
            }
            if (item.notes() != null) {
                xml.append("<content:encoded><![CDATA[").append(item.notes()).append("]]></content:encoded>");
            }
            xml.append("</item>");
        }
        xml.append("</channel></rss>");
        new FeedSync(database.jdbi()).apply(podcastId,
                new FeedParser().parse(xml.toString().getBytes(StandardCharsets.UTF_8), server.url("/feed.xml")),
                new FeedSync.Validators(null, null, null), NOW, NOW.plusSeconds(3600));
        return List.of(items).stream().map(item -> episodes.listByPodcast(podcastId).stream()
                .filter(e -> e.guid().equals(item.guid())).findFirst().orElseThrow()).toList();
    }

    private Episode storeOne(String chaptersPath, String notes) throws Exception {
        return store(new Item("e1", chaptersPath, notes)).getFirst();
    }

    private String run(Episode episode) throws Exception {
        return run(Long.toString(episode.id()));
    }

    private String run(String subject) throws Exception {
        Job running = new Job(1, ChaptersJob.KIND, subject, Job.State.RUNNING, 1, ChaptersJob.MAX_ATTEMPTS, NOW,
                null, null, null, null, NOW, NOW, null);
        return job.run(running, (fraction, message) -> { });
    }

    private JobFailure failure(Episode episode) {
        return catchThrowableOfType(JobFailure.class, () -> run(episode));
    }

    @Test
    void a_chapters_file_is_fetched_read_and_stored() throws Exception {
        server.serve("/ch.json", Reply.ok(CHAPTERS, "application/json+chapters"));
        Episode episode = storeOne("/ch.json", TIMESTAMPED_NOTES);

        assertThat(run(episode)).isEqualTo("3 chapters from the chapters file");

        assertThat(chapters.find(episode.id())).contains(new Chapters(List.of(
                new Chapter(0, null, "Intro", null, server.url("/img/intro.jpg"), true),
                new Chapter(62.5, null, "Main", "https://example.org/main", null, true),
                Chapter.of(200, "Outro")), Chapters.PUBLISHER_JSON));
    }

    @Test
    void a_chapters_file_served_with_a_wrong_content_type_is_still_read() throws Exception {
        server.serve("/ch.txt", Reply.ok(CHAPTERS, "text/html; charset=utf-8"));
        Episode episode = storeOne("/ch.txt", null);

        assertThat(run(episode)).isEqualTo("3 chapters from the chapters file");
        assertThat(chapters.find(episode.id()).orElseThrow().list()).hasSize(3);
    }

    @Test
    void a_podlove_file_is_stored_with_its_source() throws Exception {
        server.serve("/podlove.json", Reply.ok(Files.readAllBytes(ChapterJsonReaderTest.fixture(
                "podlove-chapters-podlovers-ep3-de.json")), "application/json"));
        Episode episode = storeOne("/podlove.json", null);

        assertThat(run(episode)).isEqualTo("16 chapters from the chapters file");
        Chapters stored = chapters.find(episode.id()).orElseThrow();
        assertThat(stored.source()).isEqualTo(Chapters.PODLOVE);
        assertThat(stored.list().getLast()).isEqualTo(Chapter.of(5449.849, "Und Tschüss"));
    }

    @Test
    void a_missing_chapters_file_fails_for_good_and_is_not_queued_again() throws Exception {
        Episode episode = storeOne("/missing.json", null);

        JobFailure failure = failure(episode);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessage("The chapters file " + server.url("/missing.json") + " was not found (404).");
        assertThat(chapters.find(episode.id())).isEmpty();
        assertThat(ChaptersJob.enqueueFor(queue, chapters, List.of(episode), NOW)).isEmpty();
    }

    @Test
    void a_missing_chapters_file_falls_back_to_the_show_notes() throws Exception {
        Episode episode = storeOne("/missing.json", TIMESTAMPED_NOTES);

        assertThat(run(episode)).isEqualTo("2 chapters from the show notes; the chapters file "
                + server.url("/missing.json") + " was not found (404)");
        assertThat(chapters.find(episode.id())).contains(new Chapters(
                List.of(Chapter.of(0, "Hello"), Chapter.of(120, "Topic")), Chapters.SHOW_NOTES));
    }

    @Test
    void a_server_error_is_worth_a_retry_and_stores_nothing() throws Exception {
        server.serve("/ch.json", Reply.status(503));
        Episode episode = storeOne("/ch.json", null);

        JobFailure failure = failure(episode);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("Could not fetch the chapters file " + server.url("/ch.json")
                + ": the server had an error");
        assertThat(chapters.statuses(List.of(episode.id()))).isEmpty();
    }

    @Test
    void a_server_that_is_down_is_worth_a_retry() throws Exception {
        Episode episode = storeOne("/ch.json", null);
        server.close(); // the port now refuses connections

        assertThat(failure(episode).retryable()).isTrue();
    }

    @Test
    void while_the_file_cannot_be_fetched_the_notes_serve_and_the_file_is_tried_again_later() throws Exception {
        server.serve("/ch.json", Reply.status(500));
        Episode episode = storeOne("/ch.json", TIMESTAMPED_NOTES);

        assertThat(failure(episode).retryable()).isTrue();
        assertThat(chapters.find(episode.id()).orElseThrow().source()).isEqualTo(Chapters.SHOW_NOTES);
        assertThat(ChaptersJob.enqueueFor(queue, chapters, List.of(episode), NOW)).hasSize(1);
    }

    @Test
    void an_unreadable_chapters_file_fails_for_good_with_a_plain_message() throws Exception {
        server.serve("/ch.json", Reply.ok("{\"chapters\": [ {\"startTime\": 0, ", "application/json"));
        Episode episode = storeOne("/ch.json", null);

        JobFailure failure = failure(episode);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageStartingWith("Could not read the chapters file " + server.url("/ch.json")
                + ": the chapters file is not valid JSON (");
    }

    @Test
    void a_web_page_instead_of_a_chapters_file_fails_for_good() throws Exception {
        server.serve("/ch.json", Reply.ok("<!DOCTYPE html><html><body>Moved</body></html>", "text/html"));
        Episode episode = storeOne("/ch.json", null);

        JobFailure failure = failure(episode);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessage("The chapters address " + server.url("/ch.json") + " serves a web page, not a chapters file.");
    }

    @Test
    void without_a_chapters_url_the_show_notes_timestamps_are_stored() throws Exception {
        Episode episode = storeOne(null, TIMESTAMPED_NOTES);

        assertThat(run(episode)).isEqualTo("2 chapters from the show notes");
        assertThat(chapters.find(episode.id()).orElseThrow().list()).extracting(Chapter::title).containsExactly("Hello", "Topic");
    }

    @Test
    void without_a_chapters_url_or_timestamps_nothing_is_stored() throws Exception {
        Episode episode = storeOne(null, "<p>Just a chat, see you at 12:30.</p>");

        assertThat(run(episode)).isEqualTo("no chapters");
        assertThat(chapters.statuses(List.of(episode.id()))).isEmpty();
    }

    @Test
    void an_unknown_episode_fails_for_good() {
        JobFailure failure = catchThrowableOfType(JobFailure.class, () -> run("999"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessage("No episode with id 999.");
    }

    @Test
    void only_episodes_that_may_have_chapters_and_have_none_stored_are_queued() throws Exception {
        server.serve("/a.json", Reply.ok(CHAPTERS, "application/json"));
        List<Episode> stored = store(new Item("file", "/a.json", null), new Item("notes", null, TIMESTAMPED_NOTES),
                new Item("plain", null, "<p>No chapters here.</p>"));

        List<Long> jobs = ChaptersJob.enqueueFor(queue, chapters, stored, NOW);

        assertThat(queue.findAll(jobs)).extracting(Job::kind, Job::subject).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("chapters", Long.toString(stored.get(0).id())),
                org.assertj.core.groups.Tuple.tuple("chapters", Long.toString(stored.get(1).id())));
        run(stored.get(0));
        run(stored.get(1));
        for (Job queued : queue.findAll(jobs)) {
            queue.cancel(queued.id(), NOW); // finished by hand above
        }
        assertThat(ChaptersJob.enqueueFor(queue, chapters, stored, NOW)).isEmpty();
    }

    @Test
    void a_new_chapters_url_in_the_feed_has_the_chapters_looked_at_again() throws Exception {
        server.serve("/v1.json", Reply.ok(CHAPTERS, "application/json"));
        run(storeOne("/v1.json", null));

        Episode moved = storeOne("/v2.json", null);

        assertThat(ChaptersJob.enqueueFor(queue, chapters, List.of(moved), NOW)).hasSize(1);
    }

    @Test
    void in_a_job_runner_good_files_are_done_missing_ones_fail_and_server_errors_are_retried() throws Exception {
        server.serve("/good.json", Reply.ok(CHAPTERS, "application/json"));
        server.serve("/busy.json", Reply.status(503));
        List<Episode> stored = store(new Item("good", "/good.json", null), new Item("missing", "/missing.json", null),
                new Item("busy", "/busy.json", null));
        List<Long> ids = ChaptersJob.enqueueFor(queue, chapters, stored, Instant.now());

        List<Job> finished;
        try (JobRunner runner = new JobRunner(queue, Map.of(ChaptersJob.KIND, job), Map.of(ChaptersJob.KIND, 2),
                Clock.systemUTC(), new Backoff(Duration.ofMillis(5), Duration.ofMillis(5)), Duration.ofSeconds(30),
                Duration.ofMillis(20))) {
            finished = runner.await(ids, jobs -> { });
        }

        assertThat(finished).extracting(Job::state, Job::attempts, Job::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Job.State.DONE, 1, "3 chapters from the chapters file"),
                org.assertj.core.groups.Tuple.tuple(Job.State.FAILED, 1, null),
                org.assertj.core.groups.Tuple.tuple(Job.State.FAILED, ChaptersJob.MAX_ATTEMPTS, null));
        assertThat(finished.get(1).error()).isEqualTo("The chapters file " + server.url("/missing.json") + " was not found (404).");
        assertThat(server.requestCount("/busy.json")).isEqualTo(ChaptersJob.MAX_ATTEMPTS);
    }

    @Test
    void stored_chapters_go_when_the_podcast_is_removed() throws Exception {
        server.serve("/ch.json", Reply.ok(CHAPTERS, "application/json"));
        Episode episode = storeOne("/ch.json", null);
        run(episode);

        podcasts.delete(podcastId);

        assertThat(chapters.statuses(List.of(episode.id()))).isEmpty();
    }

    @Test
    void chapters_from_the_media_file_are_kept_over_show_notes_and_when_the_file_is_gone() throws Exception {
        Chapters fromMedia = new Chapters(List.of(Chapter.of(0, "Tagged"), Chapter.of(30, "Second")), Chapters.ID3);
        Episode notesOnly = store(new Item("e1", null, TIMESTAMPED_NOTES), new Item("e2", "/gone.json", null)).getFirst();
        Episode gone = episodes.listByPodcast(podcastId).stream().filter(e -> e.guid().equals("e2")).findFirst().orElseThrow();
        chapters.save(notesOnly.id(), fromMedia, null, null, NOW);
        chapters.save(gone.id(), fromMedia, null, null, NOW);
        server.serve("/gone.json", Reply.status(410));

        assertThat(run(notesOnly)).isEqualTo("2 chapters from the media file");
        assertThat(chapters.find(notesOnly.id())).contains(fromMedia);
        assertThat(run(gone)).isEqualTo("2 chapters from the media file; the chapters file " + server.url("/gone.json")
                + " is gone (410)");
        assertThat(chapters.find(gone.id())).contains(fromMedia);
    }
}

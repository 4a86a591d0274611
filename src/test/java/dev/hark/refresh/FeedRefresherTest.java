package dev.hark.refresh;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.library.Episode;
import dev.hark.library.Podcast;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedRefresherTest {

    private static final String RSS = "application/rss+xml";

    @TempDir
    Path data;

    private LoopbackFeedServer server;
    private Hark hark;

    @BeforeEach
    void start() {
        server = LoopbackFeedServer.start();
        Config defaults = Config.defaults(data);
        hark = Hark.open(new Config(data, defaults.refreshInterval(), 4, defaults.maxFeedBytes(), Duration.ofSeconds(5),
                defaults.host(), defaults.port(), defaults.directory(), defaults.downloadCapBytes(), defaults.speech(),
                defaults.languageModel()));
    }

    @AfterEach
    void stop() {
        hark.close();
        server.close();
    }

    static String feed(String title, String extraChannelXml, String... guids) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
                + "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel><title>")
                .append(title).append("</title>").append(extraChannelXml);
        for (String guid : guids) {
            xml.append("<item><title>Episode ").append(guid).append("</title><guid>").append(guid)
                    .append("</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><enclosure url=\"https://media.example/")
                    .append(guid).append(".mp3\" type=\"audio/mpeg\" length=\"1234\"/></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private long subscribe(String path) throws Exception {
        return hark.subscriptions.add(server.url(path)).podcast().id();
    }

    @Test
    void adding_a_real_feed_stores_its_episodes() throws Exception {
        server.serveFeed("/libsyn.xml", "real-libsyn-example.xml");

        Subscriptions.Added added = hark.subscriptions.add(server.url("/libsyn.xml"));

        assertThat(added.podcast().title()).isEqualTo("Frank and Erik Internet Famous");
        assertThat(hark.episodes.countByPodcast(added.podcast().id())).isGreaterThan(5);
        assertThat(added.refresh()).isInstanceOf(RefreshResult.Updated.class);
    }

    @Test
    void a_304_costs_nothing_and_changes_nothing() throws Exception {
        server.serve("/etag.xml", Reply.ok(feed("Cached", "", "a", "b"), RSS).withHeader("ETag", "\"v1\""));
        long id = subscribe("/etag.xml");

        RefreshResult result = hark.refresher.refresh(id);

        assertThat(result).isEqualTo(new RefreshResult.Unchanged(id, "Cached"));
        assertThat(server.lastRequestHeaders("/etag.xml").getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requestCount("/etag.xml")).isEqualTo(2);
        assertThat(hark.episodes.countByPodcast(id)).isEqualTo(2);
    }

    @Test
    void the_same_bytes_without_validators_count_as_unchanged() throws Exception {
        server.serve("/plain.xml", Reply.ok(feed("Plain", "", "a"), RSS));
        long id = subscribe("/plain.xml");

        assertThat(hark.refresher.refresh(id)).isInstanceOf(RefreshResult.Unchanged.class);
    }

    @Test
    void new_items_are_added_and_counted() throws Exception {
        server.serve("/grow.xml", Reply.ok(feed("Growing", "", "a"), RSS));
        long id = subscribe("/grow.xml");
        server.serve("/grow.xml", Reply.ok(feed("Growing", "", "c", "b", "a"), RSS));

        RefreshResult result = hark.refresher.refresh(id);

        assertThat(result).isEqualTo(new RefreshResult.Updated(id, "Growing", 2, 3, null));
    }

    @Test
    void a_permanent_redirect_moves_the_subscription() throws Exception {
        server.serve("/new-home.xml", Reply.ok(feed("Moved show", "", "a"), RSS));
        server.serve("/old.xml", Reply.ok(feed("Moved show", "", "a"), RSS));
        long id = subscribe("/old.xml");
        server.serve("/old.xml", Reply.redirect(301, "/middle.xml"));
        server.serve("/middle.xml", Reply.redirect(308, "/new-home.xml"));

        RefreshResult result = hark.refresher.refresh(id);

        assertThat(hark.podcasts.get(id).feedUrl()).isEqualTo(server.url("/new-home.xml"));
        assertThat(result).isInstanceOf(RefreshResult.Updated.class);
        assertThat(((RefreshResult.Updated) result).movedTo()).isEqualTo(server.url("/new-home.xml"));
    }

    @Test
    void a_temporary_redirect_keeps_the_subscription_where_it_is() throws Exception {
        server.serve("/elsewhere.xml", Reply.ok(feed("Show", "", "a", "b"), RSS));
        server.serve("/feed.xml", Reply.ok(feed("Show", "", "a"), RSS));
        long id = subscribe("/feed.xml");
        server.serve("/feed.xml", Reply.redirect(302, "/elsewhere.xml"));

        hark.refresher.refresh(id);

        assertThat(hark.podcasts.get(id).feedUrl()).isEqualTo(server.url("/feed.xml"));
        assertThat(hark.episodes.countByPodcast(id)).isEqualTo(2);
    }

    @Test
    void a_410_marks_the_feed_gone_and_it_is_not_fetched_again() throws Exception {
        server.serve("/gone.xml", Reply.ok(feed("Gone soon", "", "a"), RSS));
        long id = subscribe("/gone.xml");
        server.serve("/gone.xml", Reply.status(410));

        assertThat(hark.refresher.refresh(id)).isInstanceOf(RefreshResult.Gone.class);
        assertThat(hark.podcasts.get(id).status()).isEqualTo(Podcast.Status.GONE);
        int requests = server.requestCount("/gone.xml");
        assertThat(hark.refresher.refresh(id)).isInstanceOf(RefreshResult.Gone.class);
        assertThat(server.requestCount("/gone.xml")).isEqualTo(requests);
        assertThat(hark.episodes.countByPodcast(id)).isEqualTo(1);
    }

    @Test
    void a_failure_keeps_the_episodes_and_backs_off() throws Exception {
        server.serve("/flaky.xml", Reply.ok(feed("Flaky", "", "a", "b"), RSS));
        long id = subscribe("/flaky.xml");
        server.serve("/flaky.xml", Reply.status(404));

        Instant before = Instant.now();
        RefreshResult first = hark.refresher.refresh(id);
        hark.refresher.refresh(id);

        assertThat(first).isEqualTo(new RefreshResult.Failed(id, "Flaky", "The feed was not found (404)"));
        Podcast podcast = hark.podcasts.get(id);
        assertThat(podcast.failureCount()).isEqualTo(2);
        assertThat(podcast.nextCheckAt()).isAfterOrEqualTo(before.plus(Duration.ofMinutes(119)));
        assertThat(hark.episodes.countByPodcast(id)).isEqualTo(2);
    }

    @Test
    void a_feed_that_stops_parsing_keeps_what_was_read_before() throws Exception {
        server.serve("/breaks.xml", Reply.ok(feed("Breaks", "", "a"), RSS));
        long id = subscribe("/breaks.xml");
        server.serve("/breaks.xml", Reply.ok("<rss><channel><title>Trunc", RSS));

        RefreshResult result = hark.refresher.refresh(id);

        assertThat(result).isInstanceOf(RefreshResult.Failed.class);
        assertThat(((RefreshResult.Failed) result).reason()).startsWith("The feed could not be read: ");
        assertThat(hark.podcasts.get(id).title()).isEqualTo("Breaks");
        assertThat(hark.episodes.countByPodcast(id)).isEqualTo(1);
    }

    @Test
    void itunes_new_feed_url_moves_the_subscription_once_the_new_feed_answers() throws Exception {
        server.serve("/next.xml", Reply.ok(feed("Show", "", "a", "b"), RSS));
        server.serve("/first.xml", Reply.ok(feed("Show", "", "a"), RSS));
        long id = subscribe("/first.xml");
        long episodeA = hark.episodes.listByPodcast(id).getFirst().id();
        hark.playStates.save(episodeA, 99, false, Instant.now());
        server.serve("/first.xml", Reply.ok(feed("Show", "<itunes:new-feed-url>" + server.url("/next.xml")
                + "</itunes:new-feed-url>", "a"), RSS));

        RefreshResult result = hark.refresher.refresh(id);

        assertThat(hark.podcasts.get(id).feedUrl()).isEqualTo(server.url("/next.xml"));
        assertThat(result).isEqualTo(new RefreshResult.Updated(id, "Show", 1, 2, server.url("/next.xml")));
        assertThat(hark.playStates.find(episodeA).orElseThrow().position()).isEqualTo(99.0);
    }

    @Test
    void a_locked_feed_does_not_move_to_a_feed_of_another_show() throws Exception {
        String lock = "<podcast:locked>yes</podcast:locked><podcast:guid>aaaa-1111</podcast:guid>";
        server.serve("/hijack.xml", Reply.ok(feed("Impostor", "<podcast:guid>bbbb-2222</podcast:guid>", "x"), RSS));
        server.serve("/locked.xml", Reply.ok(feed("Locked", lock, "a"), RSS));
        long id = subscribe("/locked.xml");
        server.serve("/locked.xml", Reply.ok(feed("Locked", lock + "<itunes:new-feed-url>"
                + server.url("/hijack.xml") + "</itunes:new-feed-url>", "a", "b"), RSS));

        hark.refresher.refresh(id);

        assertThat(hark.podcasts.get(id).feedUrl()).isEqualTo(server.url("/locked.xml"));
        assertThat(hark.episodes.listByPodcast(id)).extracting(Episode::guid).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void adding_a_web_page_is_refused_and_leaves_nothing_behind() {
        server.serve("/page", Reply.ok("<!DOCTYPE html><html><body>Hi</body></html>", "text/html"));

        assertThatThrownBy(() -> hark.subscriptions.add(server.url("/page")))
                .isInstanceOf(SubscribeException.class)
                .hasMessage("The address serves a web page, not a podcast feed (served as text/html)");
        assertThat(hark.podcasts.list()).isEmpty();
    }

    @Test
    void adding_a_dead_address_is_refused_with_its_reason() {
        assertThatThrownBy(() -> hark.subscriptions.add(server.url("/missing.xml")))
                .isInstanceOf(SubscribeException.class)
                .hasMessage("The feed was not found (404)");
        assertThat(hark.podcasts.list()).isEmpty();
    }

    @Test
    void adding_the_same_feed_twice_keeps_one_subscription() throws Exception {
        server.serve("/once.xml", Reply.ok(feed("Once", "", "a"), RSS));
        subscribe("/once.xml");

        Subscriptions.Added again = hark.subscriptions.add(server.url("/once.xml"));

        assertThat(again.alreadySubscribed()).isTrue();
        assertThat(hark.podcasts.list()).hasSize(1);
    }

    @Test
    void the_scheduler_queues_only_feeds_that_are_due() throws Exception {
        server.serve("/due.xml", Reply.ok(feed("Due", "", "a"), RSS));
        long id = subscribe("/due.xml");
        assertThat(hark.scheduler.enqueueDue()).isEmpty();

        // a failed check long ago made it due again
        hark.feedSync.recordFailure(id, "test", Instant.now(), Instant.now().minusSeconds(1));

        assertThat(hark.scheduler.enqueueDue()).hasSize(1);
        assertThat(hark.jobs.live()).extracting(j -> j.subject()).containsExactly(Long.toString(id));
    }
}

package dev.hark.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private LoopbackFeedServer server;

    @BeforeEach
    void start() {
        server = LoopbackFeedServer.start();
        server.serveFeed("/libsyn.xml", "real-libsyn-example.xml");
        server.serveFeed("/nightvale.xml", "real-prx-nightvale.xml");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void feed_parse_prints_the_contract_json() throws Exception {
        Path fixture = LoopbackFeedServer.sharedFixture("fixtures/feeds/real-libsyn-example.xml");

        CliRun.Result result = CliRun.run(null, "feed", "parse", fixture.toString());

        assertThat(result.exit()).isZero();
        JsonNode feed = JSON.readTree(result.out());
        assertThat(fieldNames(feed)).containsExactly("title", "link", "description", "author", "image", "language", "episodes");
        JsonNode episode = feed.get("episodes").get(0);
        assertThat(fieldNames(episode)).containsExactly("guid", "title", "published", "duration", "enclosures", "link",
                "description", "image", "season", "episode", "episodeType", "transcripts", "chaptersUrl", "persons");
        assertThat(episode.get("guid").asText()).isEqualTo("1bdba530eb7cd0fb6241a945fda4db95");
        assertThat(episode.get("published").asLong()).isEqualTo(1492744333L);
        assertThat(episode.get("duration").asLong()).isEqualTo(5702L);
    }

    @Test
    void feed_parse_of_a_url_fetches_it() throws Exception {
        CliRun.Result result = CliRun.run(null, "feed", "parse", server.url("/nightvale.xml"));

        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out()).get("title").asText()).isEqualTo("Welcome to Night Vale");
    }

    @Test
    void feed_parse_of_a_broken_feed_says_one_line_and_exits_2() {
        Path broken = LoopbackFeedServer.sharedFixture("fixtures/feeds/broken-mismatched-tag-allthingschemical.xml");

        CliRun.Result result = CliRun.run(null, "feed", "parse", broken.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void feed_parse_of_a_missing_file_exits_2() {
        CliRun.Result result = CliRun.run(null, "feed", "parse", data.resolve("nope.xml").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: No such file: " + data.resolve("nope.xml") + System.lineSeparator());
    }

    @Test
    void add_then_podcasts_and_episodes_print_their_contract_json() throws Exception {
        CliRun.Result added = CliRun.run(data, "add", server.url("/libsyn.xml"));
        assertThat(added.exit()).isZero();
        assertThat(added.out()).startsWith("Subscribed to Frank and Erik Internet Famous (id 1), ");

        JsonNode podcasts = JSON.readTree(CliRun.run(data, "podcasts", "--json").out());
        assertThat(podcasts).hasSize(1);
        assertThat(fieldNames(podcasts.get(0))).containsExactly("id", "title", "url");
        assertThat(podcasts.get(0).get("url").asText()).isEqualTo(server.url("/libsyn.xml"));

        CliRun.Result episodes = CliRun.run(data, "episodes", "1", "--json");
        assertThat(episodes.exit()).isZero();
        JsonNode list = JSON.readTree(episodes.out());
        assertThat(list.size()).isGreaterThan(5);
        assertThat(fieldNames(list.get(0))).containsExactly("id", "title", "published", "duration", "transcript");
        assertThat(list.get(0).get("transcript").isNull()).isTrue();
        // newest first
        assertThat(list.get(0).get("published").asLong()).isGreaterThanOrEqualTo(list.get(1).get("published").asLong());
    }

    @Test
    void episodes_of_an_unknown_podcast_exit_2() {
        CliRun.Result result = CliRun.run(data, "episodes", "no such show");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: No podcast matches \"no such show\"" + System.lineSeparator());
    }

    @Test
    void adding_a_bad_address_exits_2_with_the_reason() {
        CliRun.Result result = CliRun.run(data, "add", server.url("/missing.xml"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: The feed was not found (404)" + System.lineSeparator());
        assertThat(CliRun.run(data, "podcasts").out()).startsWith("No subscriptions yet.");
    }

    @Test
    void import_queues_feeds_that_jobs_wait_then_reads() throws Exception {
        Path opml = data.resolve("subs.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"1.0\"><head><title>x</title></head><body>"
                + "<outline text=\"feeds\"><outline type=\"rss\" text=\"Libsyn\" xmlUrl=\"" + server.url("/libsyn.xml") + "\"/>"
                + "<outline type=\"rss\" text=\"Night Vale\" xmlUrl=\"" + server.url("/nightvale.xml") + "\"/></outline>"
                + "</body></opml>");

        CliRun.Result imported = CliRun.run(data, "import", opml.toString(), "--no-refresh");
        assertThat(imported.exit()).isZero();
        assertThat(imported.out()).startsWith("Imported 2 new podcasts (0 already subscribed)");
        assertThat(CliRun.run(data, "jobs").out()).contains("queued").contains("refresh");

        CliRun.Result waited = CliRun.run(data, "jobs", "wait");

        assertThat(waited.exit()).isZero();
        assertThat(waited.out()).startsWith("The queue is empty.");
        JsonNode podcasts = JSON.readTree(CliRun.run(data, "podcasts", "--json").out());
        assertThat(podcasts).extracting(p -> p.get("title").asText())
                .containsExactlyInAnyOrder("Frank and Erik Internet Famous", "Welcome to Night Vale");
    }

    @Test
    void export_writes_opml_that_imports_back_into_an_empty_library() throws Exception {
        CliRun.run(data, "add", server.url("/libsyn.xml"));
        CliRun.run(data, "add", server.url("/nightvale.xml"));
        Path opml = data.resolve("out.opml");

        CliRun.Result exported = CliRun.run(data, "export", "-o", opml.toString());

        assertThat(exported.exit()).isZero();
        Path other = data.resolve("other");
        CliRun.Result imported = CliRun.run(other, "import", opml.toString());
        assertThat(imported.out()).startsWith("Imported 2 new podcasts");
        assertThat(imported.out()).contains("Refreshed 2 feeds: ");
        assertThat(JSON.readTree(CliRun.run(other, "podcasts", "--json").out())).hasSize(2);
    }

    @Test
    void refresh_prints_a_one_line_summary_with_failures_and_reasons() {
        CliRun.run(data, "add", server.url("/libsyn.xml"));
        server.serve("/gone-soon.xml", Reply.ok(FeedRefresherTestFeeds.SMALL, "application/rss+xml"));
        CliRun.run(data, "add", server.url("/gone-soon.xml"));
        server.serve("/gone-soon.xml", Reply.status(500));

        CliRun.Result result = CliRun.run(data, "refresh");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines().toList()).containsExactly(
                "Refreshed 2 feeds: 0 new episodes, 1 unchanged, 1 failed.",
                "  failed: Small show: The server had an error (HTTP 500)");
    }

    @Test
    void remove_unsubscribes() {
        CliRun.run(data, "add", server.url("/libsyn.xml"));

        CliRun.Result removed = CliRun.run(data, "remove", "frank and erik");

        assertThat(removed.out()).isEqualTo("Removed Frank and Erik Internet Famous (id 1)." + System.lineSeparator());
        assertThat(CliRun.run(data, "podcasts", "--json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void help_lists_the_commands() {
        CliRun.Result result = CliRun.run(null, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage: hark").contains("add").contains("refresh").contains("feed")
                .contains("serve").contains("user");
    }

    @Test
    void serving_beyond_loopback_without_a_password_is_refused() {
        CliRun.Result result = CliRun.run(data, "serve", "--host", "0.0.0.0", "--port", "0");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Hark is bound to 0.0.0.0, which other machines can reach; "
                + "set a password first with: hark user set-password" + System.lineSeparator());
    }
}

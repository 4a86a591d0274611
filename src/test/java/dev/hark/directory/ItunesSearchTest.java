package dev.hark.directory;

import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.hark.directory.StandIns.ITUNES_PATH;
import static dev.hark.directory.StandIns.itunesJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The iTunes client against a loopback stand-in speaking the Search API. */
class ItunesSearchTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @AutoClose
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @AutoClose
    private final LoopbackFeedServer server = LoopbackFeedServer.start();

    private final ItunesSearch itunes = new ItunesSearch(CLIENT, URI.create(server.url("")), "Hark-test/1");
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @Test
    void the_request_asks_for_podcasts_matching_the_term_up_to_the_limit() throws Exception {
        server.handle(ITUNES_PATH, exchange -> {
            seen.putAll(StandIns.params(exchange));
            StandIns.sendJson(exchange, 200, itunesJson("Rome|https://feeds.example.com/rome"));
        });

        SourceResult result = itunes.search("history of rome", 7, LIMIT);

        assertThat(seen).isEqualTo(Map.of("media", "podcast", "entity", "podcast", "term", "history of rome", "limit", "7"));
        assertThat(server.lastRequestHeaders(ITUNES_PATH).getFirst("User-Agent")).isEqualTo("Hark-test/1");
        assertThat(result).isEqualTo(new SourceResult.Found(java.util.List.of(new DirectoryResult("Rome", "iTunes artist",
                "https://feeds.example.com/rome", "https://art.example/600.jpg", DirectoryResult.ITUNES, 10, null))));
    }

    @Test
    void a_term_with_reserved_and_non_ascii_characters_arrives_intact() throws Exception {
        String term = "Müller & Söhne: 50% über/unter #1 +mehr?x=y";
        server.handle(ITUNES_PATH, exchange -> {
            seen.putAll(StandIns.params(exchange));
            StandIns.sendJson(exchange, 200, itunesJson());
        });

        itunes.search(term, 5, LIMIT);

        assertThat(seen).containsEntry("term", term).containsEntry("limit", "5").hasSize(4);
    }

    @Test
    void utf8_titles_arrive_intact() throws Exception {
        String title = "Das Gespräch — 日本語のポッドキャスト 🎧";
        server.serve(ITUNES_PATH, Reply.ok(itunesJson(title + "|https://feeds.example.com/jp"), "text/javascript; charset=utf-8"));

        SourceResult result = itunes.search("gespräch", 5, LIMIT);

        assertThat(result).isInstanceOfSatisfying(SourceResult.Found.class,
                found -> assertThat(found.results()).extracting(DirectoryResult::title).containsExactly(title));
    }

    @Test
    void a_base_address_with_a_trailing_slash_still_reaches_the_search_path() throws Exception {
        server.serve(ITUNES_PATH, Reply.ok(itunesJson("A|https://a.example/feed"), "application/json"));
        ItunesSearch slashed = new ItunesSearch(CLIENT, URI.create(server.url("/")), "Hark-test/1");

        assertThat(slashed.search("a", 5, LIMIT)).isInstanceOf(SourceResult.Found.class);
    }

    @Test
    void http_errors_become_failures_with_a_plain_sentence() throws Exception {
        assertNotice(Reply.status(503), "iTunes had a server error (HTTP 503)");
        assertNotice(Reply.status(403), "iTunes refused the search (HTTP 403)");
        assertNotice(Reply.status(404), "iTunes refused the search (HTTP 404)");
        assertNotice(Reply.status(429).withHeader("Retry-After", "30"),
                "iTunes is limiting how often Hark may search; try again later (retry after 30 s)");
        assertNotice(Reply.status(429), "iTunes is limiting how often Hark may search; try again later (HTTP 429)");
    }

    @Test
    void a_malformed_answer_becomes_a_failure() throws Exception {
        assertNotice(Reply.ok("<html>Down for maintenance</html>", "text/html"),
                "iTunes sent an answer Hark could not read (not JSON)");
        assertNotice(Reply.ok("{\"resultCount\":3,\"results\":[{\"feedUrl\"", "text/javascript"),
                "iTunes sent an answer Hark could not read (not JSON)");
    }

    @Test
    void an_answer_larger_than_four_megabytes_is_abandoned() throws Exception {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        assertNotice(Reply.ok(huge, "application/json"), "iTunes sent an answer Hark could not read (larger than 4 MB)");
    }

    @Test
    void a_closed_port_is_a_connection_failure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ItunesSearch nowhere = new ItunesSearch(CLIENT, URI.create("http://127.0.0.1:" + closed), "Hark-test/1");

        assertThat(nowhere.search("a", 5, LIMIT)).isEqualTo(
                new SourceResult.Failed("iTunes", SourceError.CONNECTION_FAILED, null));
    }

    @Test
    void a_body_that_stalls_after_the_headers_times_out_at_the_limit() throws Exception {
        server.handle(ITUNES_PATH, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"resultCount\":1,\"results\":[".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            StandIns.pause(30_000); // ended when the server closes
        });
        Duration limit = Duration.ofMillis(400);

        long started = System.nanoTime();
        SourceResult result = itunes.search("a", 5, limit);

        assertThat(result).isInstanceOfSatisfying(SourceResult.Failed.class,
                failed -> assertThat(failed.notice()).isEqualTo("iTunes did not answer in time (limit 400 ms)"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(limit.minusMillis(50), limit.plusMillis(800));
    }

    private void assertNotice(Reply reply, String notice) throws InterruptedException {
        server.serve(ITUNES_PATH, reply);
        assertThat(itunes.search("anything", 5, LIMIT)).isInstanceOfSatisfying(SourceResult.Failed.class,
                failed -> assertThat(failed.notice()).isEqualTo(notice));
    }
}

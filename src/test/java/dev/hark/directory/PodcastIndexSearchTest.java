package dev.hark.directory;

import com.sun.net.httpserver.Headers;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.hark.directory.StandIns.INDEX_PATH;
import static dev.hark.directory.StandIns.KEY;
import static dev.hark.directory.StandIns.SECRET;
import static dev.hark.directory.StandIns.indexJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The Podcast Index client against a loopback stand-in that checks signatures as the index does. */
class PodcastIndexSearchTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final PodcastIndexCredentials CREDENTIALS = new PodcastIndexCredentials(KEY, SECRET);

    @AutoClose
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    @AutoClose
    private final LoopbackFeedServer server = LoopbackFeedServer.start();

    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @Test
    void the_authorization_header_is_the_sha1_of_key_secret_and_the_date_sent() throws Exception {
        server.handle(INDEX_PATH, StandIns.podcastIndex(indexJson()));
        Clock fixed = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

        SourceResult result = index(CREDENTIALS, fixed).search("batman", 5, LIMIT);

        Headers sent = server.lastRequestHeaders(INDEX_PATH);
        assertThat(sent.getFirst("X-Auth-Key")).isEqualTo(KEY);
        assertThat(sent.getFirst("X-Auth-Date")).isEqualTo("1700000000");
        assertThat(sent.getFirst("Authorization")).isEqualTo(StandIns.sha1Hex(KEY + SECRET + "1700000000"))
                .isEqualTo("9f7136c1471b4aaed5efccd3d59d98747ef1f6cb");
        assertThat(sent.getFirst("User-Agent")).isEqualTo("Hark-test/1");
        assertThat(result).isEqualTo(new SourceResult.Found(List.of()));
    }

    @Test
    void the_date_is_the_current_unix_second_and_the_signature_matches_it() throws Exception {
        server.handle(INDEX_PATH, StandIns.podcastIndex(indexJson("Batman University|https://feeds.example.com/batman")));

        long before = Instant.now().getEpochSecond();
        SourceResult result = index(CREDENTIALS, Clock.systemUTC()).search("batman", 5, LIMIT);
        long after = Instant.now().getEpochSecond();

        assertThat(Long.parseLong(server.lastRequestHeaders(INDEX_PATH).getFirst("X-Auth-Date"))).isBetween(before, after);
        assertThat(result).isEqualTo(new SourceResult.Found(List.of(new DirectoryResult("Batman University",
                "Index author", "https://feeds.example.com/batman", "https://art.example/index.jpg",
                DirectoryResult.PODCAST_INDEX, 20, "From the index"))));
    }

    @Test
    void a_wrong_secret_is_reported_as_a_rejected_key() throws Exception {
        server.handle(INDEX_PATH, StandIns.podcastIndex(indexJson()));

        SourceResult result = index(new PodcastIndexCredentials(KEY, "wrong"), Clock.systemUTC()).search("a", 5, LIMIT);

        assertThat(result).isInstanceOfSatisfying(SourceResult.Failed.class,
                failed -> assertThat(failed.notice()).isEqualTo("Podcast Index rejected the API key"));
    }

    @Test
    void forbidden_is_also_a_rejected_key() throws Exception {
        server.serve(INDEX_PATH, Reply.status(403));

        assertThat(index(CREDENTIALS, Clock.systemUTC()).search("a", 5, LIMIT))
                .isEqualTo(new SourceResult.Failed("Podcast Index", SourceError.REJECTED_KEY, null));
    }

    @Test
    void the_query_is_url_encoded_and_the_limit_sent_as_max() throws Exception {
        String query = "Müller & Söhne: 50% über/unter #1 +mehr?max=999";
        server.handle(INDEX_PATH, exchange -> {
            seen.putAll(StandIns.params(exchange));
            StandIns.podcastIndex(indexJson()).handle(exchange);
        });

        index(CREDENTIALS, Clock.systemUTC()).search(query, 12, LIMIT);

        assertThat(seen).isEqualTo(Map.of("q", query, "max", "12"));
    }

    @Test
    void utf8_titles_and_descriptions_arrive_intact() throws Exception {
        String title = "Ünïcødé Stories — 日本語 🎧";
        server.handle(INDEX_PATH, StandIns.podcastIndex(indexJson(title + "|https://feeds.example.com/u")));

        SourceResult result = index(CREDENTIALS, Clock.systemUTC()).search("stories", 5, LIMIT);

        assertThat(result).isInstanceOfSatisfying(SourceResult.Found.class,
                found -> assertThat(found.results()).extracting(DirectoryResult::title).containsExactly(title));
    }

    @Test
    void a_status_of_false_is_a_refusal_quoting_the_index() throws Exception {
        server.serve(INDEX_PATH, Reply.ok("{\"status\":\"false\",\"description\":\"Invalid parameters\"}", "application/json"));

        assertThat(index(CREDENTIALS, Clock.systemUTC()).search("a", 5, LIMIT)).isInstanceOfSatisfying(
                SourceResult.Failed.class,
                failed -> assertThat(failed.notice()).isEqualTo("Podcast Index refused the search (Invalid parameters)"));
    }

    @Test
    void a_server_error_is_not_mistaken_for_a_bad_key() throws Exception {
        server.serve(INDEX_PATH, Reply.status(502));

        assertThat(index(CREDENTIALS, Clock.systemUTC()).search("a", 5, LIMIT)).isInstanceOfSatisfying(
                SourceResult.Failed.class,
                failed -> assertThat(failed.notice()).isEqualTo("Podcast Index had a server error (HTTP 502)"));
    }

    @Test
    void the_credentials_never_show_the_secret() {
        assertThat(CREDENTIALS.toString()).contains(KEY).doesNotContain(SECRET);
    }

    private PodcastIndexSearch index(PodcastIndexCredentials credentials, Clock clock) {
        return new PodcastIndexSearch(CLIENT, URI.create(server.url("")), credentials, "Hark-test/1", clock);
    }
}

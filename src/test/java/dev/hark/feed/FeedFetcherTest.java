package dev.hark.feed;

import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class FeedFetcherTest {

    private static final String FEED = "gp-simple-minimal-item.xml";

    @AutoClose
    private final LoopbackFeedServer server = LoopbackFeedServer.start();
    @AutoClose
    private final FeedFetcher fetcher = new FeedFetcher(FetchLimits.defaults());

    @Test
    void fetching_a_feed_returns_its_bytes_unchanged_with_the_content_type() throws Exception {
        server.serveFeed("/feed.xml", FEED);

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(fetched.body()).isEqualTo(fixture(FEED));
            assertThat(fetched.finalUrl()).isEqualTo(server.url("/feed.xml"));
            assertThat(fetched.permanentUrl()).isNull();
            assertThat(fetched.contentType()).isEqualTo("application/rss+xml");
            assertThat(fetched.etag()).isNull();
            assertThat(fetched.lastModified()).isNull();
        });
    }

    @Test
    void every_request_names_hark_and_offers_gzip_and_deflate() throws Exception {
        server.serveFeed("/feed.xml", FEED);

        fetcher.fetch(server.url("/feed.xml"), null, null);

        var headers = server.lastRequestHeaders("/feed.xml");
        assertThat(headers.getFirst("User-Agent")).isEqualTo("Hark/0.1 (+https://github.com/hark)");
        assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(headers.getFirst("If-None-Match")).isNull();
        assertThat(headers.getFirst("If-Modified-Since")).isNull();
    }

    @Test
    void credentials_in_the_url_are_sent_as_basic_auth() throws Exception {
        server.serveFeed("/private.xml", FEED);
        String url = server.url("/private.xml").replace("http://", "http://listener:s%40c+ret@");

        assertThat(fetcher.fetch(url, null, null)).isInstanceOf(FetchResult.Fetched.class);
        assertThat(server.lastRequestHeaders("/private.xml").getFirst("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("listener:s@c+ret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_etag_from_the_first_fetch_turns_the_second_into_not_modified() throws Exception {
        server.serve("/feed.xml", Reply.ok(fixture(FEED), "application/rss+xml").withHeader("ETag", "\"v1\""));

        FetchResult first = fetcher.fetch(server.url("/feed.xml"), null, null);
        String etag = ((FetchResult.Fetched) first).etag();
        FetchResult second = fetcher.fetch(server.url("/feed.xml"), etag, null);

        assertThat(etag).isEqualTo("\"v1\"");
        assertThat(second).isEqualTo(new FetchResult.NotModified(null));
        assertThat(server.lastRequestHeaders("/feed.xml").getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(server.requestCount("/feed.xml")).isEqualTo(2);
    }

    @Test
    void a_last_modified_date_from_the_first_fetch_turns_the_second_into_not_modified() throws Exception {
        String date = "Wed, 13 Mar 2024 10:00:00 GMT";
        server.serve("/feed.xml", Reply.ok(fixture(FEED), "application/rss+xml").withHeader("Last-Modified", date));

        FetchResult first = fetcher.fetch(server.url("/feed.xml"), null, null);
        String lastModified = ((FetchResult.Fetched) first).lastModified();
        FetchResult second = fetcher.fetch(server.url("/feed.xml"), null, lastModified);

        assertThat(lastModified).isEqualTo(date);
        assertThat(second).isEqualTo(new FetchResult.NotModified(null));
        assertThat(server.lastRequestHeaders("/feed.xml").getFirst("If-Modified-Since")).isEqualTo(date);
    }

    @Test
    void a_changed_feed_is_fetched_again_despite_an_old_etag() throws Exception {
        server.serve("/feed.xml", Reply.ok(fixture(FEED), "application/rss+xml").withHeader("ETag", "\"v2\""));

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), "\"v1\"", null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.etag()).isEqualTo("\"v2\""));
    }

    @Test
    void status_404_is_not_found() throws Exception {
        assertThat(fetcher.fetch(server.url("/nothing-here.xml"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.NOT_FOUND, null));
    }

    @Test
    void status_410_means_the_feed_is_gone() throws Exception {
        server.serve("/old.xml", Reply.status(410));

        assertThat(fetcher.fetch(server.url("/old.xml"), null, null)).isEqualTo(new FetchResult.Gone());
    }

    @Test
    void status_500_is_a_server_error_naming_the_status() throws Exception {
        server.serve("/broken.xml", Reply.status(500));

        FetchResult result = fetcher.fetch(server.url("/broken.xml"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.SERVER_ERROR, "HTTP 500"));
        assertThat(((FetchResult.Failed) result).message()).isEqualTo("The server had an error (HTTP 500)");
    }

    @Test
    void other_client_errors_are_http_errors_naming_the_status() throws Exception {
        server.serve("/private.xml", Reply.status(403));

        assertThat(fetcher.fetch(server.url("/private.xml"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.HTTP_ERROR, "HTTP 403"));
    }

    @Test
    void a_port_nobody_listens_on_is_a_connection_failure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        FetchResult result = fetcher.fetch("http://127.0.0.1:" + closedPort + "/feed.xml", null, null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.error()).isEqualTo(FetchError.CONNECTION_FAILED);
            assertThat(failed.detail()).startsWith("127.0.0.1:" + closedPort);
        });
    }

    @Test
    void a_host_that_does_not_exist_is_a_connection_failure() throws Exception {
        // .invalid is reserved (RFC 6761): no resolver may answer it.
        assertThat(fetcher.fetch("https://no-such-podcast-host.invalid/feed.xml", null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.CONNECTION_FAILED, "unknown host no-such-podcast-host.invalid"));
    }

    @Test
    void anything_but_an_absolute_http_or_https_url_is_a_bad_url() throws Exception {
        for (String url : new String[]{"ftp://example.com/feed.xml", "file:///etc/passwd", "feed.xml",
                "/feed.xml", "not a url", "http://", "mailto:host@example.com", "", null}) {
            assertThat(fetcher.fetch(url, null, null)).as(url).isInstanceOfSatisfying(FetchResult.Failed.class,
                    failed -> assertThat(failed.error()).isEqualTo(FetchError.BAD_URL));
        }
    }

    @Test
    void a_web_page_instead_of_a_feed_is_not_a_feed() throws Exception {
        server.serve("/podcast", Reply.ok("""
                \uFEFF
                  <!DOCTYPE html>
                <html lang="en"><head><title>My Podcast</title></head><body>Listen!</body></html>
                """, "text/html; charset=utf-8"));

        assertThat(fetcher.fetch(server.url("/podcast"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.NOT_A_FEED, "served as text/html; charset=utf-8"));
    }

    @Test
    void a_feed_served_as_text_html_is_still_a_feed() throws Exception {
        server.serve("/feed", Reply.ok(fixture(FEED), "text/html"));

        assertThat(fetcher.fetch(server.url("/feed"), null, null)).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.contentType()).isEqualTo("text/html"));
    }

    @Test
    void truncated_xml_arrives_as_sent_because_judging_it_is_the_parsers_job() throws Exception {
        byte[] feed = fixture("real-libsyn-example.xml");
        byte[] truncated = Arrays.copyOf(feed, feed.length / 2);
        server.serve("/cut.xml", Reply.ok(truncated, "application/rss+xml"));

        assertThat(fetcher.fetch(server.url("/cut.xml"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).isEqualTo(truncated));
    }

    @Test
    void an_empty_body_arrives_as_empty_for_the_parser_to_reject() throws Exception {
        server.serve("/empty.xml", Reply.ok(new byte[0], "application/rss+xml"));

        assertThat(fetcher.fetch(server.url("/empty.xml"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).isEmpty());
    }

    @Test
    void a_connection_that_breaks_mid_body_is_reported_as_lost() throws Exception {
        server.handle("/dropped.xml", exchange -> {
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write("<rss><channel>".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.close(); // 9,986 bytes short of what the headers promised
        });

        FetchResult result = fetcher.fetch(server.url("/dropped.xml"), null, null);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.error()).isEqualTo(FetchError.CONNECTION_LOST));
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(LoopbackFeedServer.sharedFixture("fixtures/feeds/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

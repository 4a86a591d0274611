package dev.hark.feed;

import com.sun.net.httpserver.HttpExchange;
import dev.hark.testing.LoopbackFeedServer;
import dev.hark.testing.LoopbackFeedServer.Reply;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static dev.hark.feed.FeedFetcherTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Size limits and content encodings: what a hostile or broken server sends must not cost more than the limit. */
class FeedFetcherSizeTest {

    private static final long LIMIT = 1024 * 1024;
    private static final long HUGE = 200L * 1000 * 1000;
    private static final byte[] FEED = fixture("real-libsyn-example.xml");

    @AutoClose
    private final LoopbackFeedServer server = LoopbackFeedServer.start();
    @AutoClose
    private final FeedFetcher fetcher = new FeedFetcher(FetchLimits.defaults().withMaxBodyBytes(LIMIT));

    private final AtomicLong bytesSent = new AtomicLong();

    @Test
    void a_gzipped_feed_is_decoded() throws Exception {
        server.serve("/feed.xml", Reply.ok(gzip(FEED), "application/rss+xml").withHeader("Content-Encoding", "gzip"));

        assertThat(fetcher.fetch(server.url("/feed.xml"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).isEqualTo(FEED));
    }

    @Test
    void a_deflated_feed_is_decoded() throws Exception {
        server.serve("/feed.xml", Reply.ok(deflate(FEED), "application/rss+xml").withHeader("Content-Encoding", "deflate"));

        assertThat(fetcher.fetch(server.url("/feed.xml"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).isEqualTo(FEED));
    }

    @Test
    void a_corrupt_gzip_body_is_a_bad_encoding() throws Exception {
        byte[] corrupt = gzip(FEED);
        Arrays.fill(corrupt, 20, 60, (byte) 0x55);
        server.serve("/feed.xml", Reply.ok(corrupt, "application/rss+xml").withHeader("Content-Encoding", "gzip"));

        assertThat(fetcher.fetch(server.url("/feed.xml"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.BAD_ENCODING, "gzip"));
    }

    @Test
    void a_plain_body_labelled_gzip_is_a_bad_encoding() throws Exception {
        server.serve("/feed.xml", Reply.ok(FEED, "application/rss+xml").withHeader("Content-Encoding", "gzip"));

        assertThat(fetcher.fetch(server.url("/feed.xml"), null, null))
                .isEqualTo(new FetchResult.Failed(FetchError.BAD_ENCODING, "gzip"));
    }

    @Test
    void a_gzip_bomb_stops_at_the_limit_after_decoding_little() throws Exception {
        // 1 GiB of zeros, compressed (to about 1 MB) while it is sent, so no one holds the GiB;
        // the server stops at its next write once the client has hung up.
        server.handle("/bomb.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 1024; i++) {
                    out.write(zeros);
                    bytesSent.addAndGet(zeros.length);
                }
            } catch (IOException expected) {
                // the client hung up
            }
        });

        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(server.url("/bomb.xml"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TOO_LARGE, "limit 1 MiB"));
        assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2));
        assertSenderWasHeldBack(1024L * 1024 * 1024);
    }

    @Test
    void a_200_mb_body_with_content_length_fails_before_it_is_read() throws Exception {
        server.handle("/huge.xml", exchange -> stream(exchange, null, HUGE, new byte[64 * 1024], HUGE / (64 * 1024)));

        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(server.url("/huge.xml"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TOO_LARGE, "limit 1 MiB"));
        assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2));
        assertSenderWasHeldBack(HUGE);
    }

    @Test
    void a_200_mb_body_without_content_length_is_cut_off_at_the_limit() throws Exception {
        server.handle("/huge.xml", exchange -> stream(exchange, null, 0, new byte[64 * 1024], HUGE / (64 * 1024)));

        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(server.url("/huge.xml"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TOO_LARGE, "limit 1 MiB"));
        assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2));
        assertSenderWasHeldBack(HUGE);
    }

    @Test
    void a_body_of_exactly_the_limit_is_accepted() throws Exception {
        byte[] body = new byte[(int) LIMIT];
        Arrays.fill(body, (byte) ' ');
        server.serve("/feed.xml", Reply.ok(body, "application/rss+xml"));

        assertThat(fetcher.fetch(server.url("/feed.xml"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).hasSize((int) LIMIT));
    }

    /**
     * Sends {@code chunk} {@code times} times, counting what got out, until done or the client hangs up.
     *
     * @param length the Content-Length to announce, or 0 for none (chunked)
     */
    private void stream(HttpExchange exchange, String encoding, long length, byte[] chunk, long times) {
        try {
            if (encoding != null) {
                exchange.getResponseHeaders().set("Content-Encoding", encoding);
            }
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            for (long i = 0; i < times; i++) {
                out.write(chunk);
                bytesSent.addAndGet(chunk.length);
            }
            out.close();
        } catch (IOException expected) {
            // the client hung up, which is the point
        }
    }

    /**
     * The client cannot have buffered more than the server got out, and once the client stops
     * reading the server blocks when the socket buffers (a few MB) are full. The JDK client
     * closes an abandoned connection only when its selector next wakes, up to about 3 s later,
     * so this does not wait for the server to notice the hang-up.
     */
    private void assertSenderWasHeldBack(long offered) throws InterruptedException {
        Thread.sleep(200);
        assertThat(bytesSent.get()).as("bytes the server got out").isLessThan(offered / 16);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

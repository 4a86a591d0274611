package dev.hark.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.hark.feed.FeedFetcherTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The total deadline and interrupts: a stalled server must not hold a refresh. Limits are short here. */
class FeedFetcherTimeTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final byte[] FEED = fixture("real-libsyn-example.xml");

    @AutoClose
    private final LoopbackFeedServer server = LoopbackFeedServer.start();
    @AutoClose
    private final FeedFetcher fetcher = new FeedFetcher(FetchLimits.defaults().withTotalTimeout(LIMIT));

    private final CountDownLatch requested = new CountDownLatch(1);

    @Test
    void a_slow_response_that_finishes_within_the_limit_is_fetched() throws Exception {
        server.handle("/slow.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            int piece = FEED.length / 5 + 1;
            for (int from = 0; from < FEED.length; from += piece) {
                out.write(Arrays.copyOfRange(FEED, from, Math.min(FEED.length, from + piece)));
                out.flush();
                pause(100);
            }
            out.close();
        });

        assertThat(fetcher.fetch(server.url("/slow.xml"), null, null)).isInstanceOfSatisfying(
                FetchResult.Fetched.class, fetched -> assertThat(fetched.body()).isEqualTo(FEED));
    }

    @Test
    void a_body_that_stalls_after_the_headers_times_out_at_the_limit() throws Exception {
        server.handle("/stall.xml", this::stallInBody);

        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(server.url("/stall.xml"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TIMEOUT, "limit 1 s"));
        assertThat(elapsed(started)).isBetween(LIMIT.minusMillis(50), LIMIT.plusMillis(700));
    }

    @Test
    void headers_that_never_come_time_out_at_the_limit() throws Exception {
        server.handle("/silent.xml", this::stallBeforeHeaders);

        long started = System.nanoTime();
        FetchResult result = fetcher.fetch(server.url("/silent.xml"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TIMEOUT, "limit 1 s"));
        assertThat(elapsed(started)).isBetween(LIMIT.minusMillis(50), LIMIT.plusMillis(700));
    }

    @Test
    void the_limit_covers_the_whole_redirect_chain_not_each_hop() throws Exception {
        server.handle("/hop1", exchange -> redirectSlowly(exchange, "/hop2"))
                .handle("/hop2", exchange -> redirectSlowly(exchange, "/hop3"))
                .handle("/hop3", exchange -> redirectSlowly(exchange, "/hop4"))
                .handle("/hop4", exchange -> redirectSlowly(exchange, "/feed.xml"));

        FetchResult result = fetcher.fetch(server.url("/hop1"), null, null);

        assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TIMEOUT, "limit 1 s"));
        assertThat(server.requestCount("/feed.xml")).isZero();
    }

    @Test
    void interrupting_a_fetch_stuck_in_the_body_stops_it_promptly() throws Exception {
        assertInterruptStopsFetch("/stall.xml", this::stallInBody);
    }

    @Test
    void interrupting_a_fetch_waiting_for_headers_stops_it_promptly() throws Exception {
        assertInterruptStopsFetch("/silent.xml", this::stallBeforeHeaders);
    }

    @Test
    void a_fetch_started_on_an_interrupted_thread_does_not_run() {
        server.serve("/feed.xml", LoopbackFeedServer.Reply.ok(FEED, "application/rss+xml"));

        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> fetcher.fetch(server.url("/feed.xml"), null, null))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    void a_server_that_never_accepts_the_connection_times_out_at_the_connect_limit() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             FeedFetcher impatient = new FeedFetcher(FetchLimits.defaults().withConnectTimeout(Duration.ofMillis(300)))) {
            List<Socket> queued = new ArrayList<>();
            try {
                // Fill the accept queue; the kernel then drops further SYNs, so connecting hangs.
                assumeTrue(fillAcceptQueue(full, queued), "this OS accepts connections past the backlog");
                long started = System.nanoTime();

                FetchResult result = impatient.fetch("http://127.0.0.1:" + full.getLocalPort() + "/feed.xml", null, null);

                assertThat(result).isEqualTo(new FetchResult.Failed(FetchError.TIMEOUT, "no connection within 300 ms"));
                assertThat(elapsed(started)).isLessThan(Duration.ofSeconds(2));
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    private static boolean fillAcceptQueue(ServerSocket server, List<Socket> queued) throws IOException {
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return true;
            }
        }
        return false;
    }

    private void assertInterruptStopsFetch(String path, HttpHandler stall) throws Exception {
        try (FeedFetcher patient = new FeedFetcher(FetchLimits.defaults())) { // 30 s: only the interrupt can end it
            server.handle(path, stall);
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread refresh = Thread.ofPlatform().start(() -> {
                try {
                    outcome.complete(patient.fetch(server.url(path), null, null));
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();

            long interrupted = System.nanoTime();
            refresh.interrupt();

            assertThat(outcome.get(2, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(elapsed(interrupted)).isLessThan(Duration.ofMillis(500));
        }
    }

    private void stallInBody(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(Arrays.copyOf(FEED, 100));
        exchange.getResponseBody().flush();
        requested.countDown();
        pause(60_000); // ended by the server closing
    }

    private void stallBeforeHeaders(HttpExchange exchange) {
        requested.countDown();
        pause(60_000);
    }

    private static void redirectSlowly(HttpExchange exchange, String location) throws IOException {
        pause(300);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}

package dev.hark.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP/1.1 server on 127.0.0.1 and a free port, for tests that fetch feeds. Register a
 * path with a fixed {@link Reply} or with any {@link HttpHandler}; unregistered paths get 404.
 * Paths match exactly (the query string is ignored). Each request runs on its own virtual
 * thread, so a handler that stalls on purpose holds up nothing else. Thread-safe.
 *
 * <pre>{@code
 * try (var server = LoopbackFeedServer.start()) {
 *     server.serveFeed("/feed.xml", "gp-simple-minimal-item.xml");
 *     fetcher.fetch(server.url("/feed.xml"), null, null);
 *     assertThat(server.requestCount("/feed.xml")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class LoopbackFeedServer implements AutoCloseable {

    /**
     * A fixed answer. When it carries an ETag or Last-Modified header, the server answers a
     * matching If-None-Match or If-Modified-Since with 304 and no body, as real servers do.
     */
    public record Reply(int status, Map<String, String> headers, byte[] body) {

        public Reply {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        public static Reply ok(String body, String contentType) {
            return new Reply(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply ok(byte[] body, String contentType) {
            return new Reply(200, Map.of("Content-Type", contentType), body);
        }

        /** A status with an empty body, e.g. 404, 410, 500. */
        public static Reply status(int status) {
            return new Reply(status, Map.of(), new byte[0]);
        }

        /** A redirect to {@code location}, which may be relative. */
        public static Reply redirect(int status, String location) {
            return new Reply(status, Map.of("Location", location), new byte[0]);
        }

        /** This reply with one more header (replacing one of the same name). */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();

    private LoopbackFeedServer() throws IOException {
        // without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms per response
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static LoopbackFeedServer start() {
        try {
            return new LoopbackFeedServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under the shared fixtures folder (system property {@code hark.shared}). */
    public static Path sharedFixture(String relative) {
        String shared = Objects.requireNonNull(System.getProperty("hark.shared"),
                "system property hark.shared is not set (surefire sets it to ../shared)");
        return Path.of(shared).resolve(relative);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}, which starts with "/". */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Any behaviour, including misbehaviour: stalls, lies, broken connections. */
    public LoopbackFeedServer handle(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    public LoopbackFeedServer serve(String path, Reply reply) {
        return handle(path, exchange -> send(exchange, reply));
    }

    /** Serves {@code fixtures/feeds/NAME} from the shared folder as application/rss+xml. */
    public LoopbackFeedServer serveFeed(String path, String fixtureName) {
        try {
            byte[] feed = Files.readAllBytes(sharedFixture("fixtures/feeds/" + fixtureName));
            return serve(path, Reply.ok(feed, "application/rss+xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many requests reached {@code path}, whether or not it was registered. */
    public int requestCount(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    /** The headers of the latest request to {@code path}, or null if there was none. */
    public Headers lastRequestHeaders(String path) {
        return lastHeaders.get(path);
    }

    /** Stops at once; handlers still running are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            lastHeaders.put(path, exchange.getRequestHeaders());
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            HttpHandler handler = handlers.get(path);
            if (handler == null) {
                send(exchange, Reply.status(404));
            } else {
                handler.handle(exchange);
            }
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        Headers request = exchange.getRequestHeaders();
        String etag = reply.headers().get("ETag");
        String lastModified = reply.headers().get("Last-Modified");
        boolean notModified = reply.status() == 200
                && (etag != null && etag.equals(request.getFirst("If-None-Match"))
                || lastModified != null && lastModified.equals(request.getFirst("If-Modified-Since")));
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        int status = notModified ? 304 : reply.status();
        byte[] body = notModified ? new byte[0] : reply.body();
        // -1: no body and Content-Length 0; the server would send chunked encoding for 0.
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

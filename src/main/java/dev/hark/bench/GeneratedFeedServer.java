package dev.hark.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves {@code count} generated podcast feeds on 127.0.0.1 at {@code /feed/N.xml}, each with
 * {@code items} items and an ETag, answering 304 to a matching If-None-Match. {@link #publish()}
 * adds new episodes to every feed. Thread-safe.
 */
public final class GeneratedFeedServer implements AutoCloseable {

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final int count;
    private final int items;
    private final HttpServer server;
    private final AtomicInteger version = new AtomicInteger(1);
    private final ConcurrentHashMap<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    public GeneratedFeedServer(int count, int items) throws IOException {
        this.count = count;
        this.items = items;
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and delayed ACKs add ~40 ms to every response on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/feed/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url(int feed) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + feed + ".xml";
    }

    public int count() {
        return count;
    }

    /** Every feed gains five new episodes (the oldest five drop off). */
    public void publish() {
        version.addAndGet(5);
        bodies.clear();
    }

    public long requests() {
        return requests.get();
    }

    public long notModified() {
        return notModified.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            int feed;
            try {
                feed = Integer.parseInt(path.substring("/feed/".length(), path.length() - ".xml".length()));
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int v = version.get();
            String etag = "\"v" + v + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = bodies.computeIfAbsent(feed + "@" + v, k -> render(feed, v));
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A realistic feed: newest first, with HTML show notes, durations and iTunes tags. */
    private byte[] render(int feed, int v) {
        StringBuilder xml = new StringBuilder(items * 900);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                .append("xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" ")
                .append("xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n")
                .append("<title>Generated show ").append(feed).append("</title>\n")
                .append("<link>https://example.org/show/").append(feed).append("</link>\n")
                .append("<description>A generated show for the refresh benchmark.</description>\n")
                .append("<itunes:author>Bench Host</itunes:author>\n<language>en</language>\n");
        long base = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        int newest = v + items - 1;
        for (int n = newest; n > newest - items; n--) {
            String date = RFC_822.format(Instant.ofEpochSecond(base + n * 86_400L));
            xml.append("<item>\n<title>Episode ").append(n).append(" of show ").append(feed).append("</title>\n")
                    .append("<guid isPermaLink=\"false\">show-").append(feed).append("-ep-").append(n).append("</guid>\n")
                    .append("<pubDate>").append(date).append("</pubDate>\n")
                    .append("<enclosure url=\"https://media.example.org/").append(feed).append('/').append(n)
                    .append(".mp3\" length=\"").append(30_000_000 + n).append("\" type=\"audio/mpeg\"/>\n")
                    .append("<itunes:duration>").append(n % 2 == 0 ? "01:02:03" : "2723").append("</itunes:duration>\n")
                    .append("<description><![CDATA[<p>In episode ").append(n)
                    .append(" we talk about <b>podcasts</b>, feeds &amp; players.</p><ul><li>First topic</li>")
                    .append("<li>Second topic with a <a href=\"https://example.org/link/").append(n)
                    .append("\">link</a></li></ul>]]></description>\n</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

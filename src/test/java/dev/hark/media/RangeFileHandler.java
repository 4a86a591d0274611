package dev.hark.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves fixed bytes the way a publisher's server does, including its failures: honours
 * {@code Range: bytes=a-b}, {@code a-} and {@code -n} (unless told to ignore ranges) and
 * {@code If-Range} against its ETag, and can cut the first few responses off half way.
 * Written for tests, independently of {@link ByteRange}. Thread-safe.
 */
public final class RangeFileHandler implements HttpHandler {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final byte[] content;
    private final String contentType;
    private volatile String etag = "\"v1\"";
    private volatile boolean ignoreRange;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<String> ifRanges = new CopyOnWriteArrayList<>();

    public RangeFileHandler(byte[] content, String contentType) {
        this.content = content.clone();
        this.contentType = contentType;
    }

    /**
     * The next {@code count} responses send half their body, then drop the connection. How much
     * of that half reaches the client depends on the network stack (a reset can discard bytes
     * still in flight), so tests compare resume offsets with what the client actually stored.
     */
    RangeFileHandler cutNext(int count) {
        cutsLeft.set(count);
        return this;
    }

    RangeFileHandler ignoreRange(boolean ignore) {
        ignoreRange = ignore;
        return this;
    }

    RangeFileHandler etag(String value) {
        etag = value;
        return this;
    }

    /** The Range header of each request, "" when there was none. */
    List<String> ranges() {
        return List.copyOf(ranges);
    }

    /** The If-Range header of each request, "" when there was none. */
    List<String> ifRanges() {
        return List.copyOf(ifRanges);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        ranges.add(range == null ? "" : range);
        ifRanges.add(ifRange == null ? "" : ifRange);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        long start = 0;
        long end = content.length - 1;
        int status = 200;
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        boolean rangeApplies = matcher != null && matcher.matches() && !ignoreRange && (ifRange == null || ifRange.equals(etag));
        if (rangeApplies) {
            if (matcher.group(1).isEmpty()) {
                start = Math.max(0, content.length - Long.parseLong(matcher.group(2)));
            } else {
                start = Long.parseLong(matcher.group(1));
                if (!matcher.group(2).isEmpty()) {
                    end = Math.min(end, Long.parseLong(matcher.group(2)));
                }
            }
            if (start >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + content.length);
        }
        int length = (int) (end - start + 1);
        exchange.sendResponseHeaders(status, length);
        OutputStream body = exchange.getResponseBody();
        if (cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            body.write(content, (int) start, length / 2);
            body.flush();
            pause(); // let the client take the bytes before the connection is torn down
            throw new IOException("cut on purpose after " + length / 2 + " bytes");
        }
        body.write(content, (int) start, length);
        body.close();
    }

    /** Gives the client time to read what was flushed before the handler breaks the connection. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

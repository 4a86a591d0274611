package dev.hark.directory;

import dev.hark.directory.internal.DirectoryHttp;
import dev.hark.directory.internal.ItunesResponseParser;
import dev.hark.directory.internal.SourceFailure;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The public iTunes Search API: {@code GET {base}/search?media=podcast&entity=podcast&term=...&limit=N}.
 * No key is needed; Apple asks for no more than about 20 calls a minute. Searches the US store.
 *
 * <p>Thread-safe: share one instance.
 */
public final class ItunesSearch implements DirectorySource {

    public static final URI DEFAULT_BASE = URI.create("https://itunes.apple.com");

    private final DirectoryHttp http;
    private final String base;

    /**
     * @param client    shared with the application; see {@link DirectorySearch} for its settings
     * @param base      {@link #DEFAULT_BASE}, or a stand-in in tests
     * @param userAgent sent with every request
     */
    public ItunesSearch(HttpClient client, URI base, String userAgent) {
        this.http = new DirectoryHttp(Objects.requireNonNull(client, "client"), Objects.requireNonNull(userAgent, "userAgent"));
        this.base = DirectoryHttp.checkBase(base);
    }

    @Override
    public String id() {
        return DirectoryResult.ITUNES;
    }

    @Override
    public String name() {
        return "iTunes";
    }

    @Override
    public SourceResult search(String query, int limit, Duration timeout) throws InterruptedException {
        URI uri = URI.create(base + "/search?media=podcast&entity=podcast&term="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + DirectoryHttp.checkLimit(limit));
        try {
            DirectoryHttp.Reply reply = http.get(uri, Map.of(), timeout);
            if (reply.status() != 200) {
                throw SourceFailure.forStatus(reply.status(), false, reply.retryAfter());
            }
            return new SourceResult.Found(ItunesResponseParser.parse(reply.body()));
        } catch (SourceFailure failure) {
            return failure.toResult(name());
        }
    }
}

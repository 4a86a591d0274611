package dev.hark.directory;

import dev.hark.directory.internal.DirectoryHttp;
import dev.hark.directory.internal.PodcastIndexAuth;
import dev.hark.directory.internal.PodcastIndexResponseParser;
import dev.hark.directory.internal.SourceFailure;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The Podcast Index API, for users who have a key: {@code GET {base}/api/1.0/search/byterm?q=...&max=N},
 * signed with X-Auth-Key, X-Auth-Date and Authorization (see
 * <a href="https://podcastindex-org.github.io/docs-api/">the API documentation</a>). 401 and 403
 * become {@link SourceError#REJECTED_KEY}.
 *
 * <p>Thread-safe: share one instance.
 */
public final class PodcastIndexSearch implements DirectorySource {

    public static final URI DEFAULT_BASE = URI.create("https://api.podcastindex.org");

    private final DirectoryHttp http;
    private final String base;
    private final PodcastIndexCredentials credentials;
    private final Clock clock;

    /**
     * @param client      shared with the application; see {@link DirectorySearch} for its settings
     * @param base        {@link #DEFAULT_BASE}, or a stand-in in tests
     * @param userAgent   sent with every request; the index asks that it name the application
     * @param clock       dates the signature; the index refuses one more than a few minutes off
     */
    public PodcastIndexSearch(HttpClient client, URI base, PodcastIndexCredentials credentials, String userAgent,
                              Clock clock) {
        this.http = new DirectoryHttp(Objects.requireNonNull(client, "client"), Objects.requireNonNull(userAgent, "userAgent"));
        this.base = DirectoryHttp.checkBase(base);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return DirectoryResult.PODCAST_INDEX;
    }

    @Override
    public String name() {
        return "Podcast Index";
    }

    @Override
    public SourceResult search(String query, int limit, Duration timeout) throws InterruptedException {
        URI uri = URI.create(base + "/api/1.0/search/byterm?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&max=" + DirectoryHttp.checkLimit(limit));
        try {
            long date = clock.instant().getEpochSecond();
            DirectoryHttp.Reply reply = http.get(uri, PodcastIndexAuth.headers(credentials, date), timeout);
            if (reply.status() != 200) {
                throw SourceFailure.forStatus(reply.status(), true, reply.retryAfter());
            }
            return new SourceResult.Found(PodcastIndexResponseParser.parse(reply.body()));
        } catch (SourceFailure failure) {
            return failure.toResult(name());
        }
    }
}

package dev.hark.refresh;

import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FeedParseException;
import dev.hark.feed.FeedParser;
import dev.hark.feed.FetchResult;
import dev.hark.feed.ParsedFeed;
import dev.hark.library.FeedSync;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Refreshes one subscription: fetch (conditional GET), parse, merge. Honours permanent
 * redirects, 410 Gone, {@code itunes:new-feed-url} and {@code podcast:locked}. Thread-safe;
 * different podcasts may be refreshed at the same time.
 */
public final class FeedRefresher {

    private static final Logger log = LoggerFactory.getLogger(FeedRefresher.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final PodcastRepository podcasts;
    private final FeedSync sync;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final LongConsumer afterUpdate;

    /**
     * @param afterUpdate called with the podcast id after a feed was read and merged (the
     *                    composition root queues follow-up work there: chapters, transcripts)
     */
    public FeedRefresher(FeedFetcher fetcher, FeedParser parser, PodcastRepository podcasts, FeedSync sync,
                         RefreshPolicy policy, Clock clock, LongConsumer afterUpdate) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.podcasts = podcasts;
        this.sync = sync;
        this.policy = policy;
        this.clock = clock;
        this.afterUpdate = afterUpdate;
    }

    /** Refreshes the podcast with this id. */
    public RefreshResult refresh(long podcastId) throws InterruptedException {
        Podcast podcast = podcasts.get(podcastId);
        String title = podcast.displayTitle();
        if (podcast.status() == Podcast.Status.GONE) {
            return new RefreshResult.Gone(podcastId, title);
        }
        Instant now = clock.instant();
        FetchResult fetched = fetcher.fetch(podcast.feedUrl(), podcast.etag(), podcast.lastModified());
        return switch (fetched) {
            case FetchResult.NotModified notModified -> {
                movePermanently(podcast, notModified.permanentUrl());
                sync.recordUnchanged(podcastId, new FeedSync.Validators(null, null, null), now, policy.afterSuccess(now));
                yield new RefreshResult.Unchanged(podcastId, title);
            }
            case FetchResult.Gone gone -> {
                sync.markGone(podcastId, now);
                yield new RefreshResult.Gone(podcastId, title);
            }
            case FetchResult.Failed failed -> fail(podcast, failed.message(), now);
            case FetchResult.Fetched body -> {
                String movedTo = movePermanently(podcast, body.permanentUrl());
                yield read(podcast, body, movedTo, now);
            }
        };
    }

    private RefreshResult read(Podcast podcast, FetchResult.Fetched body, String movedTo, Instant now)
            throws InterruptedException {
        String hash = sha256(body.body());
        FeedSync.Validators validators = new FeedSync.Validators(body.etag(), body.lastModified(), hash);
        if (hash.equals(podcast.contentHash()) && movedTo == null) {
            sync.recordUnchanged(podcast.id(), validators, now, policy.afterSuccess(now));
            return new RefreshResult.Unchanged(podcast.id(), podcast.displayTitle());
        }
        ParsedFeed feed;
        try {
            feed = parser.parse(body.body(), body.finalUrl());
        } catch (FeedParseException e) {
            return fail(podcast, "The feed could not be read: " + e.getMessage(), now);
        }
        String newHome = followNewFeedUrl(podcast, feed);
        if (newHome != null) {
            FetchResult moved = fetcher.fetch(newHome, null, null);
            if (moved instanceof FetchResult.Fetched movedBody) {
                try {
                    ParsedFeed movedFeed = parser.parse(movedBody.body(), movedBody.finalUrl());
                    if (sameShow(podcast, feed, movedFeed) && sync.moveTo(podcast.id(), newHome)) {
                        log.info("{} moved to {} (itunes:new-feed-url)", podcast.displayTitle(), newHome);
                        feed = movedFeed;
                        movedTo = newHome;
                        validators = new FeedSync.Validators(movedBody.etag(), movedBody.lastModified(),
                                sha256(movedBody.body()));
                    }
                } catch (FeedParseException e) {
                    log.info("Not moving {} to {}: {}", podcast.displayTitle(), newHome, e.getMessage());
                }
            } else {
                log.info("Not moving {} to {}: the new address did not answer with a feed", podcast.displayTitle(), newHome);
            }
        }
        FeedSync.Outcome outcome = sync.apply(podcast.id(), feed, validators, now, policy.afterSuccess(now));
        try {
            afterUpdate.accept(podcast.id());
        } catch (RuntimeException e) {
            log.warn("Could not queue follow-up work for {}: {}", podcast.displayTitle(), e.getMessage());
        }
        String title = feed.title() != null ? feed.title() : podcast.displayTitle();
        return new RefreshResult.Updated(podcast.id(), title, outcome.newEpisodes(), feed.episodes().size(), movedTo);
    }

    private RefreshResult fail(Podcast podcast, String reason, Instant now) {
        sync.recordFailure(podcast.id(), reason, now, policy.afterFailure(now, podcast.failureCount() + 1));
        return new RefreshResult.Failed(podcast.id(), podcast.displayTitle(), reason);
    }

    /** Moves the subscription after a chain of permanent redirects; returns the new address, or null. */
    private String movePermanently(Podcast podcast, String permanentUrl) {
        if (permanentUrl == null || permanentUrl.equals(podcast.feedUrl())) {
            return null;
        }
        if (sync.moveTo(podcast.id(), permanentUrl)) {
            log.info("{} moved permanently to {}", podcast.displayTitle(), permanentUrl);
            return permanentUrl;
        }
        return null;
    }

    /** The {@code itunes:new-feed-url} to move to, or null when there is none or it is no http(s) address. */
    private static String followNewFeedUrl(Podcast podcast, ParsedFeed feed) {
        String next = feed.newFeedUrl();
        if (next == null || next.equals(podcast.feedUrl())) {
            return null;
        }
        try {
            String scheme = URI.create(next).getScheme();
            return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? next : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether a feed at a new address may take over the subscription. A locked feed
     * ({@code podcast:locked}) with a {@code podcast:guid} only moves to a feed with the same
     * guid: the lock exists so that nobody can take a show over by pointing elsewhere.
     */
    static boolean sameShow(Podcast podcast, ParsedFeed current, ParsedFeed next) {
        boolean locked = current.locked() || podcast.locked();
        String guid = current.podcastGuid() != null ? current.podcastGuid() : podcast.podcastGuid();
        if (locked && guid != null) {
            return Objects.equals(guid, next.podcastGuid());
        }
        return true;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

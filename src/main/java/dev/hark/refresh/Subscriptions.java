package dev.hark.refresh;

import dev.hark.feed.OpmlEntry;
import dev.hark.jobs.JobQueue;
import dev.hark.library.Podcast;
import dev.hark.library.PodcastRepository;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Subscribing, importing and exporting. Thread-safe. */
public final class Subscriptions {

    private final PodcastRepository podcasts;
    private final FeedRefresher refresher;
    private final JobQueue queue;
    private final Clock clock;

    public Subscriptions(PodcastRepository podcasts, FeedRefresher refresher, JobQueue queue, Clock clock) {
        this.podcasts = podcasts;
        this.refresher = refresher;
        this.queue = queue;
        this.clock = clock;
    }

    /** The result of {@link #add}: the podcast, and whether it was already subscribed. */
    public record Added(Podcast podcast, RefreshResult refresh, boolean alreadySubscribed) {
    }

    /**
     * Subscribes to a feed and reads it at once, so that a bad address is refused with its
     * reason instead of leaving a broken subscription behind.
     *
     * @throws SubscribeException when the address is not a feed Hark can read (nothing is kept)
     */
    public Added add(String address) throws SubscribeException, InterruptedException {
        String url = normalise(address);
        PodcastRepository.Subscribed subscribed = podcasts.subscribe(url, clock.instant());
        if (!subscribed.created()) {
            return new Added(subscribed.podcast(), null, true);
        }
        long id = subscribed.podcast().id();
        RefreshResult result;
        try {
            result = refresher.refresh(id);
        } catch (InterruptedException | RuntimeException e) {
            podcasts.delete(id);
            throw e;
        }
        if (result instanceof RefreshResult.Failed failed) {
            podcasts.delete(id);
            throw new SubscribeException(failed.reason());
        }
        if (result instanceof RefreshResult.Gone) {
            podcasts.delete(id);
            throw new SubscribeException("The publisher removed this feed (410 Gone)");
        }
        return new Added(podcasts.get(id), result, false);
    }

    /** The result of {@link #importOpml}: new subscriptions (each with a queued refresh) and known ones. */
    public record Imported(List<Podcast> added, int alreadySubscribed, List<String> skipped, List<Long> jobIds) {
    }

    /** Subscribes to every feed of an OPML file and queues their first refresh. */
    public Imported importOpml(List<OpmlEntry> entries) {
        List<Podcast> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Long> jobs = new ArrayList<>();
        int known = 0;
        for (OpmlEntry entry : entries) {
            String url;
            try {
                url = normalise(entry.xmlUrl());
            } catch (SubscribeException e) {
                skipped.add(entry.xmlUrl() + ": " + e.getMessage());
                continue;
            }
            PodcastRepository.Subscribed subscribed = podcasts.subscribe(url, clock.instant());
            if (subscribed.created()) {
                added.add(subscribed.podcast());
                jobs.add(RefreshJob.enqueue(queue, subscribed.podcast().id(), clock.instant()));
            } else {
                known++;
            }
        }
        return new Imported(added, known, skipped, jobs);
    }

    /** Every subscription as an OPML outline entry. */
    public List<OpmlEntry> exportEntries() {
        return podcasts.list().stream()
                .map(p -> new OpmlEntry(p.displayTitle(), p.feedUrl(), p.link()))
                .toList();
    }

    /**
     * Turns what a user pastes into a feed URL: trims it, maps the {@code feed:}, {@code pcast:}
     * and {@code itpc:} schemes podcast links use to http(s), and adds https:// to a bare host.
     */
    static String normalise(String address) throws SubscribeException {
        if (address == null || address.isBlank()) {
            throw new SubscribeException("No feed address given");
        }
        String url = address.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        for (String scheme : List.of("feed://", "pcast://", "itpc://", "podcast://")) {
            if (lower.startsWith(scheme)) {
                url = "https://" + url.substring(scheme.length());
                lower = url.toLowerCase(Locale.ROOT);
            }
        }
        if (lower.startsWith("feed:http")) {
            url = url.substring("feed:".length());
            lower = url.toLowerCase(Locale.ROOT);
        }
        if (!lower.contains("://")) {
            url = "https://" + url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new SubscribeException("Only http and https feed addresses are supported: " + address.strip());
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new SubscribeException("The feed address has no host: " + address.strip());
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new SubscribeException("Not a valid feed address: " + address.strip());
        }
    }
}

package dev.hark.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to download by itself and what to delete to stay under the storage cap. Pure: takes the
 * library's state as values, returns decisions as values; {@link AutoDownloads} carries them out.
 * Thread-safe (immutable).
 *
 * <p><b>Downloads.</b> For each podcast with automatic downloads on ({@link AutoPodcast}, from
 * its settings), its N newest episodes (by publication date, undated ones after the dated in
 * feed order) that are still in the feed; of those, the ones neither played nor downloaded
 * yet. An older episode never moves up into the N, so listening to the newest does not pull in
 * the next older one.
 *
 * <p><b>Evictions.</b> While the downloads add up to more than {@code storageCapBytes}, delete in
 * this order: played episodes (the longest ago played first), then unplayed episodes not yet
 * started (the oldest published first), and only then started ones (oldest first): what the
 * listener is in the middle of goes last.
 *
 * @param storageCapBytes the most all downloads together may take
 */
public record DownloadPolicy(long storageCapBytes) {

    public DownloadPolicy {
        if (storageCapBytes < 0) {
            throw new IllegalArgumentException("storageCapBytes must not be negative, was " + storageCapBytes);
        }
    }

    /** A podcast that downloads automatically, keeping its {@code newest} episodes (N) on disk. */
    public record AutoPodcast(long podcastId, int newest) {
        public AutoPodcast {
            if (newest < 0) {
                throw new IllegalArgumentException("newest must not be negative, was " + newest);
            }
        }
    }

    /** An episode of a podcast that downloads automatically. */
    public record Candidate(long episodeId, long podcastId, Long published, Integer feedOrder, boolean inFeed,
                            boolean played, boolean downloaded) {
    }

    /** A complete download. {@code playedAt} is when its play state last changed, or null. */
    public record Stored(long episodeId, long bytes, Long published, Instant completedAt, boolean played,
                         boolean started, Instant playedAt) {
    }

    /** Download this episode. */
    public record Fetch(long episodeId, long podcastId) {
    }

    /** Delete this download, for this reason. */
    public record Evict(long episodeId, long bytes, Reason reason) {
        public enum Reason { PLAYED, UNPLAYED_OLDEST, STARTED_OLDEST }
    }

    /**
     * Episodes to download, newest first within each podcast, podcasts in the order given.
     * Candidates of podcasts not in {@code podcasts} are ignored.
     */
    public List<Fetch> downloads(List<AutoPodcast> podcasts, List<Candidate> candidates) {
        Map<Long, List<Candidate>> byPodcast = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.inFeed()) {
                byPodcast.computeIfAbsent(candidate.podcastId(), id -> new ArrayList<>()).add(candidate);
            }
        }
        Map<Long, Integer> newest = new LinkedHashMap<>();
        for (AutoPodcast podcast : podcasts) {
            newest.put(podcast.podcastId(), podcast.newest());
        }
        List<Fetch> fetches = new ArrayList<>();
        for (Map.Entry<Long, Integer> podcast : newest.entrySet()) {
            List<Candidate> episodes = byPodcast.getOrDefault(podcast.getKey(), new ArrayList<>());
            episodes.sort(NEWEST_FIRST);
            for (Candidate episode : episodes.subList(0, Math.min(podcast.getValue(), episodes.size()))) {
                if (!episode.played() && !episode.downloaded()) {
                    fetches.add(new Fetch(episode.episodeId(), episode.podcastId()));
                }
            }
        }
        return fetches;
    }

    /** Downloads to delete, in order, until the rest fit under the cap; empty when they already do. */
    public List<Evict> evictions(List<Stored> stored) {
        long total = 0;
        for (Stored download : stored) {
            total += download.bytes();
        }
        List<Stored> ranked = new ArrayList<>(stored);
        ranked.sort(EVICT_FIRST);
        List<Evict> evictions = new ArrayList<>();
        for (Stored download : ranked) {
            if (total <= storageCapBytes) {
                break;
            }
            evictions.add(new Evict(download.episodeId(), download.bytes(), reason(download)));
            total -= download.bytes();
        }
        return evictions;
    }

    private static Evict.Reason reason(Stored download) {
        return download.played() ? Evict.Reason.PLAYED
                : download.started() ? Evict.Reason.STARTED_OLDEST : Evict.Reason.UNPLAYED_OLDEST;
    }

    private static final Comparator<Candidate> NEWEST_FIRST = Comparator
            .comparing((Candidate c) -> c.published() == null)
            .thenComparing(Candidate::published, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Candidate::feedOrder, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Candidate::episodeId, Comparator.reverseOrder());

    private static final Comparator<Stored> EVICT_FIRST = Comparator
            .comparingInt((Stored s) -> s.played() ? 0 : s.started() ? 2 : 1)
            .thenComparing((Stored s) -> s.played() ? s.playedAt() : null, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Stored::published, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Stored::completedAt)
            .thenComparing(Stored::episodeId);
}

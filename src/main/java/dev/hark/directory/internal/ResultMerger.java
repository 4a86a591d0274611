package dev.hark.directory.internal;

import dev.hark.directory.DirectoryResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the lists of several directories into one. The lists are taken in turns, rank by rank
 * (first of each, then second of each, ...), so each directory's own order of relevance is kept
 * and neither crowds the other off the first page. A feed already taken is not taken again; its
 * blanks (author, artwork, episode count, description) are filled from the later listing.
 * Pure and thread-safe.
 */
public final class ResultMerger {

    private ResultMerger() {
    }

    /** @param bySource each directory's results, best first, in the order the directories are preferred */
    public static List<DirectoryResult> merge(List<List<DirectoryResult>> bySource, int limit) {
        Map<String, DirectoryResult> byFeed = new LinkedHashMap<>();
        int longest = bySource.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < longest; rank++) {
            for (List<DirectoryResult> results : bySource) {
                if (rank < results.size()) {
                    DirectoryResult result = results.get(rank);
                    byFeed.merge(FeedUrls.key(result.feedUrl()), result, ResultMerger::fillBlanks);
                }
            }
        }
        List<DirectoryResult> merged = new ArrayList<>(byFeed.values());
        return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
    }

    private static DirectoryResult fillBlanks(DirectoryResult kept, DirectoryResult later) {
        return new DirectoryResult(
                kept.title(),
                kept.author() != null ? kept.author() : later.author(),
                kept.feedUrl(),
                kept.artworkUrl() != null ? kept.artworkUrl() : later.artworkUrl(),
                kept.source(),
                kept.episodeCount() != null ? kept.episodeCount() : later.episodeCount(),
                kept.description() != null ? kept.description() : later.description());
    }
}

package dev.hark.library;

import dev.hark.feed.ParsedEpisode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which stored episode each item of a freshly read feed is, so that play position,
 * played state, downloads and transcripts survive title edits, re-ordered items and
 * publishers changing hosts. Pure; thread-safe.
 *
 * <p>Keys, strongest first: the guid; then the media URL; then title and publication date
 * together. Each stored episode is claimed at most once, so an item that repeats another's
 * guid (it happens) falls through to the weaker keys or becomes an episode of its own.
 */
public final class EpisodeMatcher {

    /** What the matcher needs to know of a stored episode. */
    public record Stored(long id, String guid, String mediaUrl, String title, Long published) {
    }

    /**
     * For each incoming item, in order, the id of the stored episode it is, or null when new.
     */
    public List<Long> match(List<Stored> stored, List<ParsedEpisode> incoming) {
        Map<String, List<Stored>> byGuid = index(stored, Stored::guid);
        Map<String, List<Stored>> byMedia = index(stored, Stored::mediaUrl);
        Map<String, List<Stored>> byTitleDate = index(stored, s -> titleDateKey(s.title(), s.published()));
        Set<Long> claimed = new HashSet<>();
        List<Long> result = new ArrayList<>(incoming.size());
        // two passes: every guid match first, so a guid-less item cannot take a row by URL
        // that a later item owns by guid
        Long[] matched = new Long[incoming.size()];
        for (int i = 0; i < incoming.size(); i++) {
            matched[i] = claim(byGuid.get(incoming.get(i).guid()), claimed);
        }
        for (int i = 0; i < incoming.size(); i++) {
            if (matched[i] != null) {
                continue;
            }
            ParsedEpisode item = incoming.get(i);
            Long id = claim(byMedia.get(item.media().url()), claimed);
            if (id == null) {
                id = claim(byTitleDate.get(titleDateKey(item.title(), item.published())), claimed);
            }
            matched[i] = id;
        }
        for (Long id : matched) {
            result.add(id);
        }
        return result;
    }

    private static Long claim(List<Stored> candidates, Set<Long> claimed) {
        if (candidates == null) {
            return null;
        }
        for (Stored candidate : candidates) {
            if (claimed.add(candidate.id())) {
                return candidate.id();
            }
        }
        return null;
    }

    private static Map<String, List<Stored>> index(List<Stored> stored, java.util.function.Function<Stored, String> key) {
        Map<String, List<Stored>> map = new HashMap<>();
        for (Stored s : stored) {
            String k = key.apply(s);
            if (k != null) {
                map.computeIfAbsent(k, x -> new ArrayList<>(1)).add(s);
            }
        }
        return map;
    }

    /** Title plus date; null unless both are known, since either alone is too weak. */
    static String titleDateKey(String title, Long published) {
        if (title == null || published == null) {
            return null;
        }
        return Objects.requireNonNull(title).strip().toLowerCase(java.util.Locale.ROOT) + '\u0000' + published;
    }
}

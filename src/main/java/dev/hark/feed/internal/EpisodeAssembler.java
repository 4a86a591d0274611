package dev.hark.feed.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.hark.feed.Enclosure;
import dev.hark.feed.ParsedEpisode;

/**
 * Turns what was collected for one item into a {@link ParsedEpisode}, choosing between the
 * elements that say the same thing. Items without playable media give null: they are left out.
 *
 * <p>Thread-safe: immutable.
 */
final class EpisodeAssembler {

    private final UrlResolver urls;

    EpisodeAssembler(UrlResolver urls) {
        this.urls = urls;
    }

    /** The episode, or null when the item has no enclosure (nor media:content) with a URL. */
    ParsedEpisode build(RawValues v) {
        List<Enclosure> enclosures = v.enclosures != null ? v.enclosures : v.mediaContents;
        if (enclosures == null) {
            return null;
        }
        String guid = TextValues.clean(v.get(Field.GUID));
        Descriptions notes = Descriptions.choose(v, Field.ITUNES_SUBTITLE, Field.CONTENT_ENCODED,
                Field.ATOM_CONTENT, Field.DESCRIPTION, Field.ATOM_SUMMARY, Field.ITUNES_SUMMARY,
                Field.MEDIA_DESCRIPTION);
        Integer season = TextValues.wholeNumber(v.get(Field.SEASON));
        Integer episode = TextValues.wholeNumber(v.get(Field.EPISODE));
        return new ParsedEpisode(
                guid,
                TextValues.oneLine(v.first(Field.TITLE, Field.ITUNES_TITLE)),
                published(v),
                duration(v),
                withoutDuplicates(enclosures),
                link(v, guid),
                notes.plain(),
                notes.html(),
                urls.resolve(v.first(Field.ITUNES_IMAGE, Field.MEDIA_THUMBNAIL, Field.MEDIA_IMAGE)),
                season != null ? season : TextValues.wholeNumber(v.get(Field.PODCAST_SEASON)),
                episode != null ? episode : TextValues.wholeNumber(v.get(Field.PODCAST_EPISODE)),
                episodeType(v.get(Field.EPISODE_TYPE)),
                TextValues.explicit(v.get(Field.EXPLICIT)),
                TextValues.yes(v.get(Field.BLOCK)),
                RawValues.orEmpty(v.transcripts),
                v.get(Field.CHAPTERS_URL),
                v.get(Field.CHAPTERS_TYPE),
                RawValues.orEmpty(v.persons),
                RawValues.orEmpty(v.soundbites),
                RawValues.orEmpty(v.funding),
                RawValues.orEmpty(v.alternates));
    }

    private static Long published(RawValues v) {
        for (Field field : new Field[] {Field.PUB_DATE, Field.DC_DATE, Field.ATOM_PUBLISHED, Field.ATOM_UPDATED}) {
            String value = v.get(field);
            if (value != null) {
                Long seconds = DateParser.parse(value);
                if (seconds != null) {
                    return seconds;
                }
            }
        }
        return null;
    }

    private static Long duration(RawValues v) {
        Long seconds = DurationParser.parse(v.get(Field.DURATION));
        return seconds != null ? seconds : DurationParser.parse(v.get(Field.MEDIA_DURATION));
    }

    /** The item's link; failing that a permalink guid (RSS: a guid is a permalink unless it says not). */
    private String link(RawValues v, String guid) {
        String link = urls.resolve(v.first(Field.LINK, Field.ATOM_LINK));
        if (link == null && guid != null && v.get(Field.GUID_NOT_PERMALINK) == null
                && (guid.regionMatches(true, 0, "http://", 0, 7) || guid.regionMatches(true, 0, "https://", 0, 8))) {
            return guid;
        }
        return link;
    }

    private static String episodeType(String value) {
        String type = TextValues.clean(value);
        if (type == null) {
            return null;
        }
        type = type.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "full", "trailer", "bonus" -> type;
            default -> null;
        };
    }

    private static List<Enclosure> withoutDuplicates(List<Enclosure> enclosures) {
        if (enclosures.size() < 2) {
            return enclosures;
        }
        List<Enclosure> unique = new ArrayList<>(enclosures.size());
        for (Enclosure enclosure : enclosures) {
            if (unique.stream().noneMatch(e -> e.url().equals(enclosure.url()))) {
                unique.add(enclosure);
            }
        }
        return unique;
    }
}

package dev.hark.feed.internal;

import java.util.List;

import dev.hark.feed.ParsedEpisode;
import dev.hark.feed.ParsedFeed;

/**
 * Turns what was collected for the channel into a {@link ParsedFeed}, choosing between the
 * elements that say the same thing (itunes:author, dc:creator, Atom author ...).
 *
 * <p>Thread-safe: immutable.
 */
final class FeedAssembler {

    private final UrlResolver urls;

    FeedAssembler(UrlResolver urls) {
        this.urls = urls;
    }

    ParsedFeed build(RawValues v, List<ParsedEpisode> episodes) {
        Descriptions notes = Descriptions.choose(v, Field.ITUNES_SUBTITLE, Field.CONTENT_ENCODED,
                Field.DESCRIPTION, Field.ATOM_SUBTITLE, Field.ITUNES_SUMMARY);
        String type = TextValues.lower(v.get(Field.ITUNES_TYPE));
        return new ParsedFeed(
                TextValues.oneLine(v.first(Field.TITLE, Field.ITUNES_TITLE)),
                urls.resolve(v.first(Field.LINK, Field.ATOM_LINK)),
                notes.plain(),
                notes.html(),
                author(v),
                urls.resolve(v.first(Field.ITUNES_IMAGE, Field.IMAGE_URL, Field.ATOM_LOGO, Field.ATOM_ICON,
                        Field.MEDIA_THUMBNAIL)),
                TextValues.clean(v.first(Field.LANGUAGE, Field.DC_LANGUAGE, Field.XML_LANG)),
                urls.resolve(v.first(Field.NEW_FEED_URL, Field.REDIRECT)),
                TextValues.yes(v.get(Field.LOCKED)),
                "episodic".equals(type) || "serial".equals(type) ? type : null,
                TextValues.explicit(v.get(Field.EXPLICIT)),
                TextValues.yes(v.get(Field.BLOCK)),
                TextValues.clean(v.get(Field.PODCAST_GUID)),
                RawValues.orEmpty(v.funding),
                RawValues.orEmpty(v.persons),
                episodes);
    }

    /** itunes:author first; managingEditor is "mail@example.com (Name)", of which we want the name. */
    private static String author(RawValues v) {
        String author = TextValues.oneLine(v.first(Field.ITUNES_AUTHOR, Field.DC_CREATOR, Field.ATOM_AUTHOR));
        if (author != null) {
            return author;
        }
        String editor = TextValues.oneLine(v.get(Field.MANAGING_EDITOR));
        if (editor != null) {
            int open = editor.indexOf('(');
            int close = editor.lastIndexOf(')');
            if (open >= 0 && close > open + 1) {
                return editor.substring(open + 1, close).strip();
            }
        }
        String owner = TextValues.oneLine(v.get(Field.OWNER_NAME));
        return owner != null ? owner : editor;
    }
}

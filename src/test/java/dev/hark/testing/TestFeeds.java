package dev.hark.testing;

import dev.hark.feed.Enclosure;
import dev.hark.feed.ParsedEpisode;
import dev.hark.feed.ParsedFeed;

import java.util.List;

/** Small parsed feeds built in code, for tests of what happens after parsing. */
public final class TestFeeds {

    private TestFeeds() {
    }

    public static ParsedEpisode episode(String guid, String title, String mediaUrl, Long published) {
        return new ParsedEpisode(guid, title, published, 1800L, List.of(new Enclosure(mediaUrl, "audio/mpeg", 1000L)),
                null, "About " + title, null, null, null, null, null, null, false, List.of(), null, null,
                List.of(), List.of(), List.of(), List.of());
    }

    public static ParsedFeed feed(String title, List<ParsedEpisode> episodes) {
        return new ParsedFeed(title, "https://example.org", "A show", null, "Host", null, "en", null, false, null,
                null, false, null, List.of(), List.of(), episodes);
    }
}

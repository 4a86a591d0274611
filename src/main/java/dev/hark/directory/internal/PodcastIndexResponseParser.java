package dev.hark.directory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hark.directory.DirectoryResult;
import dev.hark.directory.SourceError;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Podcast Index {@code /search/byterm} answer,
 * {@code {"status":"true","feeds":[{"title","author","url","artwork","image","episodeCount","description"}]}},
 * into results in the index's order. Feeds without a usable URL are left out. Pure and thread-safe.
 */
public final class PodcastIndexResponseParser {

    private PodcastIndexResponseParser() {
    }

    /** @throws SourceFailure BAD_RESPONSE for a malformed answer, REFUSED when the status is not "true" */
    public static List<DirectoryResult> parse(byte[] body) throws SourceFailure {
        JsonNode root = JsonValues.object(body);
        // The index sends the status as the string "true"; accept a JSON boolean too.
        String status = JsonValues.text(root, "status");
        JsonNode flag = root.get("status");
        boolean ok = "true".equalsIgnoreCase(status) || flag != null && flag.isBoolean() && flag.booleanValue();
        if (!ok) {
            throw new SourceFailure(SourceError.REFUSED, JsonValues.text(root, "description"));
        }
        JsonNode feeds = root.get("feeds");
        if (feeds == null || !feeds.isArray()) {
            throw new SourceFailure(SourceError.BAD_RESPONSE, "no feeds list");
        }
        List<DirectoryResult> found = new ArrayList<>();
        for (JsonNode item : feeds) {
            if (!item.isObject()) {
                continue;
            }
            String feedUrl = JsonValues.httpUrl(JsonValues.text(item, "url"));
            if (feedUrl == null) {
                continue;
            }
            String title = JsonValues.text(item, "title");
            found.add(new DirectoryResult(
                    title == null ? feedUrl : title,
                    JsonValues.text(item, "author", "ownerName"),
                    feedUrl,
                    JsonValues.httpUrl(JsonValues.text(item, "artwork", "image")),
                    DirectoryResult.PODCAST_INDEX,
                    JsonValues.count(item, "episodeCount"),
                    JsonValues.text(item, "description")));
        }
        return found;
    }
}

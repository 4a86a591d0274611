package dev.hark.directory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hark.directory.DirectoryResult;
import dev.hark.directory.SourceError;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an iTunes Search API answer,
 * {@code {"resultCount":N,"results":[{"collectionName","artistName","feedUrl","artworkUrl600",...}]}},
 * into results in iTunes' order. Podcasts without a usable feed URL (Apple lists some that have
 * none, or a private one) are left out, since Hark could not subscribe to them. Pure and thread-safe.
 */
public final class ItunesResponseParser {

    private ItunesResponseParser() {
    }

    public static List<DirectoryResult> parse(byte[] body) throws SourceFailure {
        JsonNode results = JsonValues.object(body).get("results");
        if (results == null || !results.isArray()) {
            throw new SourceFailure(SourceError.BAD_RESPONSE, "no results list");
        }
        List<DirectoryResult> found = new ArrayList<>();
        for (JsonNode item : results) {
            if (!item.isObject()) {
                continue;
            }
            String feedUrl = JsonValues.httpUrl(JsonValues.text(item, "feedUrl"));
            if (feedUrl == null) {
                continue;
            }
            String title = JsonValues.text(item, "collectionName", "trackName");
            found.add(new DirectoryResult(
                    title == null ? feedUrl : title,
                    JsonValues.text(item, "artistName"),
                    feedUrl,
                    JsonValues.httpUrl(JsonValues.text(item, "artworkUrl600", "artworkUrl100", "artworkUrl60")),
                    DirectoryResult.ITUNES,
                    JsonValues.count(item, "trackCount"),
                    null)); // the search API sends no description for podcasts
        }
        return found;
    }
}

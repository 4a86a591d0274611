package dev.hark.feed;

import java.util.Objects;

/**
 * One subscription in an OPML file.
 *
 * @param title   the name the user saw in the app it came from, or null
 * @param xmlUrl  the feed address (never null or blank)
 * @param htmlUrl the podcast's web page, or null
 */
public record OpmlEntry(String title, String xmlUrl, String htmlUrl) {

    public OpmlEntry {
        Objects.requireNonNull(xmlUrl, "xmlUrl");
        if (xmlUrl.isBlank()) {
            throw new IllegalArgumentException("xmlUrl must not be blank");
        }
    }
}

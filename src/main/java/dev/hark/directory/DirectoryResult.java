package dev.hark.directory;

import java.util.Objects;

/**
 * One podcast a directory knows about. Unknown values are null; directories leave out different
 * things (iTunes never sends a description, the Podcast Index sometimes no episode count).
 *
 * @param title        the podcast's name, never null (the feed URL when the directory had none)
 * @param author       who makes it, or null
 * @param feedUrl      the RSS feed to subscribe to: always an absolute http(s) URL
 * @param artworkUrl   cover art, or null
 * @param source       {@link #ITUNES} or {@link #PODCAST_INDEX}: the directory it came from
 * @param episodeCount how many episodes the directory has seen, or null
 * @param description  as the directory sent it (the Podcast Index's may hold HTML), or null
 */
public record DirectoryResult(String title, String author, String feedUrl, String artworkUrl, String source,
                              Integer episodeCount, String description) {

    public static final String ITUNES = "itunes";
    public static final String PODCAST_INDEX = "podcastindex";

    public DirectoryResult {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(source, "source");
    }
}

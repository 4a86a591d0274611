package dev.hark.feed;

import java.util.List;

/**
 * A feed as the publisher describes it, normalised: plain-text descriptions, absolute URLs,
 * unknown values {@code null}. Episodes are in feed order; items with no playable media are
 * left out.
 *
 * @param descriptionHtml the richest HTML the feed offers (unsanitised; the web layer sanitises)
 * @param newFeedUrl      {@code <itunes:new-feed-url>} (or RSS {@code <redirect><newLocation>})
 * @param locked          {@code <podcast:locked>yes</podcast:locked>}
 * @param type            {@code episodic} or {@code serial} ({@code itunes:type}), or null
 */
public record ParsedFeed(
        String title,
        String link,
        String description,
        String descriptionHtml,
        String author,
        String image,
        String language,
        String newFeedUrl,
        boolean locked,
        String type,
        Boolean explicit,
        boolean block,
        String podcastGuid,
        List<Funding> funding,
        List<Person> persons,
        List<ParsedEpisode> episodes) {

    public ParsedFeed {
        funding = List.copyOf(funding);
        persons = List.copyOf(persons);
        episodes = List.copyOf(episodes);
    }
}

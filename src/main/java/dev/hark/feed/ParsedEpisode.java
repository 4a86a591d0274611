package dev.hark.feed;

import java.util.List;

/**
 * One feed item with playable media.
 *
 * @param guid            the item's guid as written (trimmed); null when the item has none
 * @param published       Unix seconds, or null when missing or unparseable
 * @param duration        whole seconds, or null
 * @param enclosures      the playable media, the preferred one first
 * @param description     plain text (from the richest of content:encoded, description,
 *                        itunes:summary)
 * @param descriptionHtml the show notes as HTML (unsanitised), or null when only plain text exists
 * @param episodeType     full, trailer or bonus, or null
 */
public record ParsedEpisode(
        String guid,
        String title,
        Long published,
        Long duration,
        List<Enclosure> enclosures,
        String link,
        String description,
        String descriptionHtml,
        String image,
        Integer season,
        Integer episode,
        String episodeType,
        Boolean explicit,
        boolean block,
        List<TranscriptRef> transcripts,
        String chaptersUrl,
        String chaptersType,
        List<Person> persons,
        List<Soundbite> soundbites,
        List<Funding> funding,
        List<AlternateEnclosure> alternateEnclosures) {

    public ParsedEpisode {
        enclosures = List.copyOf(enclosures);
        transcripts = List.copyOf(transcripts);
        persons = List.copyOf(persons);
        soundbites = List.copyOf(soundbites);
        funding = List.copyOf(funding);
        alternateEnclosures = List.copyOf(alternateEnclosures);
    }

    /** The enclosure a player should use: the first one. */
    public Enclosure media() {
        return enclosures.getFirst();
    }
}

package dev.hark.feed.internal;

import java.util.Locale;

/** The vocabularies the feed parser understands; {@link #NONE} is plain RSS (no namespace). */
public enum Ns {
    NONE, ATOM, ITUNES, PODCAST, CONTENT, MEDIA, DC, RDF, PSC, GOOGLEPLAY, OTHER;

    /**
     * The vocabulary a namespace URI names, or null when unknown. Matching ignores case, scheme,
     * "www." and a trailing slash, because feeds get all of those wrong.
     */
    public static Ns forUri(String uri) {
        String u = uri.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("https://")) {
            u = u.substring(8);
        } else if (u.startsWith("http://")) {
            u = u.substring(7);
        }
        if (u.startsWith("www.")) {
            u = u.substring(4);
        }
        if (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return switch (u) {
            case "", "purl.org/rss/1.0", "backend.userland.com/rss2", "backend.userland.com/rss",
                    "my.netscape.com/rdf/simple/0.9", "channel.netscape.com/rdf/simple/0.9" -> NONE;
            case "w3.org/2005/atom", "purl.org/atom/ns#" -> ATOM;
            case "itunes.com/dtds/podcast-1.0.dtd", "itunes.apple.com/dtds/podcast-1.0.dtd" -> ITUNES;
            case "podcastindex.org/namespace/1.0",
                    "github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md" -> PODCAST;
            case "purl.org/rss/1.0/modules/content" -> CONTENT;
            case "search.yahoo.com/mrss" -> MEDIA;
            case "purl.org/dc/elements/1.1" -> DC;
            case "w3.org/1999/02/22-rdf-syntax-ns#" -> RDF;
            case "podlove.org/simple-chapters" -> PSC;
            case "google.com/schemas/play-podcasts/1.0" -> GOOGLEPLAY;
            default -> null;
        };
    }

    /** The vocabulary a prefix conventionally stands for, used when the feed never declares it. */
    public static Ns forPrefix(String prefix) {
        return switch (prefix) {
            case "" -> NONE;
            case "atom", "atom10" -> ATOM;
            case "itunes" -> ITUNES;
            case "podcast" -> PODCAST;
            case "content" -> CONTENT;
            case "media" -> MEDIA;
            case "dc" -> DC;
            case "rdf" -> RDF;
            case "psc" -> PSC;
            case "googleplay" -> GOOGLEPLAY;
            default -> OTHER;
        };
    }
}

package dev.hark.feed.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamReader;

import dev.hark.feed.AlternateEnclosure;
import dev.hark.feed.Funding;
import dev.hark.feed.Person;
import dev.hark.feed.Soundbite;
import dev.hark.feed.TranscriptRef;

/**
 * Podcasting 2.0 elements (current and legacy namespace alike): transcript, chapters, person,
 * soundbite, funding, locked, guid, season, episode and alternateEnclosure with its sources.
 * Elements whose text completes their attributes (person, funding, soundbite) are held here
 * until that text arrives.
 *
 * <p>Not thread-safe: one per parse.
 */
final class PodcastElements {

    private final XMLStreamReader xml;
    private final UrlResolver urls;

    private String[] pendingPerson;
    private String pendingFundingUrl;
    private Double[] pendingSoundbite;
    private String[] pendingAlternate;
    private List<String> pendingSources;

    PodcastElements(XMLStreamReader xml, UrlResolver urls) {
        this.xml = xml;
        this.urls = urls;
    }

    /** An element outside any item. Returns the field its text goes to, or null. */
    Field channelElement(String local) {
        return switch (local) {
            case "locked" -> Field.LOCKED;
            case "guid" -> Field.PODCAST_GUID;
            case "funding" -> funding();
            case "person" -> person();
            default -> null;
        };
    }

    /** An element inside an item. Returns the field its text goes to, or null. */
    Field itemElement(String local, Name parent, RawValues item) {
        switch (local) {
            case "transcript" -> {
                String url = urls.resolve(attr("url"));
                if (url != null) {
                    item.transcripts = RawValues.add(item.transcripts, new TranscriptRef(url,
                            TextValues.clean(attr("type")), TextValues.clean(attr("language")),
                            TextValues.clean(attr("rel"))));
                }
                return null;
            }
            case "chapters" -> {
                item.set(Field.CHAPTERS_URL, urls.resolve(attr("url")));
                item.set(Field.CHAPTERS_TYPE, TextValues.clean(attr("type")));
                return null;
            }
            case "soundbite" -> {
                pendingSoundbite = new Double[] {
                    TextValues.decimal(attr("startTime")), TextValues.decimal(attr("duration"))};
                return Field.SOUNDBITE_TITLE;
            }
            case "alternateEnclosure" -> {
                pendingAlternate = new String[] {attr("type"), attr("length"), attr("bitrate"), attr("title"),
                    attr("default")};
                pendingSources = new ArrayList<>(2);
                return null;
            }
            case "source" -> {
                if (pendingSources != null && parent.is(Ns.PODCAST, "alternateEnclosure")) {
                    String uri = urls.resolve(attr("uri"));
                    if (uri != null) {
                        pendingSources.add(uri);
                    }
                }
                return null;
            }
            case "season" -> {
                return Field.PODCAST_SEASON;
            }
            case "episode" -> {
                return Field.PODCAST_EPISODE;
            }
            case "person" -> {
                return person();
            }
            case "funding" -> {
                return funding();
            }
            default -> {
                return null;
            }
        }
    }

    /** Completes a person, funding or soundbite with its text; false for any other field. */
    boolean text(Field field, String text, RawValues target) {
        switch (field) {
            case PERSON_NAME -> {
                String[] p = pendingPerson;
                pendingPerson = null;
                String name = TextValues.oneLine(text);
                if (name == null) {
                    name = TextValues.oneLine(p[0]);
                }
                if (name != null) {
                    String role = TextValues.lower(p[1]);
                    String group = TextValues.lower(p[2]);
                    target.persons = RawValues.add(target.persons, new Person(name, role == null ? "host" : role,
                            group == null ? "cast" : group, urls.resolve(p[3]), urls.resolve(p[4])));
                }
            }
            case FUNDING_TEXT -> {
                String url = pendingFundingUrl;
                pendingFundingUrl = null;
                if (url != null) {
                    target.funding = RawValues.add(target.funding, new Funding(url, TextValues.oneLine(text)));
                }
            }
            case SOUNDBITE_TITLE -> {
                Double[] s = pendingSoundbite;
                pendingSoundbite = null;
                if (s[0] != null && s[1] != null) {
                    target.soundbites = RawValues.add(target.soundbites,
                            new Soundbite(s[0], s[1], TextValues.oneLine(text)));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** True while a podcast:alternateEnclosure is open (its own text is a legacy source URL). */
    boolean inAlternate() {
        return pendingAlternate != null;
    }

    /** Closes the open podcast:alternateEnclosure; {@code text} is its direct text. */
    void endAlternate(String text, RawValues item) {
        String[] a = pendingAlternate;
        List<String> sources = pendingSources;
        pendingAlternate = null;
        pendingSources = null;
        if (sources.isEmpty()) {
            String legacy = urls.resolve(text);
            if (legacy != null) {
                sources.add(legacy);
            }
        }
        if (!sources.isEmpty()) {
            Double bitrate = TextValues.decimal(a[2]);
            item.alternates = RawValues.add(item.alternates, new AlternateEnclosure(TextValues.clean(a[0]),
                    TextValues.positiveLong(a[1]), bitrate == null ? null : Math.round(bitrate),
                    TextValues.clean(a[3]), TextValues.yes(a[4]), sources));
        }
    }

    private Field person() {
        pendingPerson = new String[] {attr("name"), attr("role"), attr("group"), attr("href"), attr("img")};
        return Field.PERSON_NAME;
    }

    private Field funding() {
        pendingFundingUrl = urls.resolve(attr("url"));
        return Field.FUNDING_TEXT;
    }

    private String attr(String name) {
        return xml.getAttributeValue(null, name);
    }
}

package dev.hark.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a {@link ParsedFeed} as the {@code feed parse} JSON contract (docs/ARCHITECTURE.md):
 * exactly these keys, in this order, unknown values as {@code null}:
 * <pre>
 * {"title","link","description","author","image","language",
 *  "episodes":[{"guid","title","published","duration","enclosures":[{"url","type","length"}],
 *               "link","description","image","season","episode","episodeType",
 *               "transcripts":[{"url","type","language","rel"}],"chaptersUrl",
 *               "persons":[{"name","role","href"}]}]}
 * </pre>
 *
 * <p>Thread-safe: the Jackson factory is shared, each call uses its own generator.
 */
public final class FeedJson {

    private final JsonFactory factory = JsonFactory.builder().build();

    /** The contract JSON as one compact string. */
    public String toJson(ParsedFeed feed) {
        StringWriter out = new StringWriter();
        try {
            write(feed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Writes the contract JSON to {@code out}, which is flushed but not closed. */
    public void write(ParsedFeed feed, Writer out) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("title", feed.title());
            json.writeStringField("link", feed.link());
            json.writeStringField("description", feed.description());
            json.writeStringField("author", feed.author());
            json.writeStringField("image", feed.image());
            json.writeStringField("language", feed.language());
            json.writeArrayFieldStart("episodes");
            for (ParsedEpisode episode : feed.episodes()) {
                writeEpisode(json, episode);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeEpisode(JsonGenerator json, ParsedEpisode episode) throws IOException {
        json.writeStartObject();
        json.writeStringField("guid", episode.guid());
        json.writeStringField("title", episode.title());
        writeNumber(json, "published", episode.published());
        writeNumber(json, "duration", episode.duration());
        json.writeArrayFieldStart("enclosures");
        for (Enclosure enclosure : episode.enclosures()) {
            json.writeStartObject();
            json.writeStringField("url", enclosure.url());
            json.writeStringField("type", enclosure.type());
            writeNumber(json, "length", enclosure.length());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("link", episode.link());
        json.writeStringField("description", episode.description());
        json.writeStringField("image", episode.image());
        writeNumber(json, "season", episode.season() == null ? null : episode.season().longValue());
        writeNumber(json, "episode", episode.episode() == null ? null : episode.episode().longValue());
        json.writeStringField("episodeType", episode.episodeType());
        writeTranscripts(json, episode.transcripts());
        json.writeStringField("chaptersUrl", episode.chaptersUrl());
        json.writeArrayFieldStart("persons");
        for (Person person : episode.persons()) {
            json.writeStartObject();
            json.writeStringField("name", person.name());
            json.writeStringField("role", person.role());
            json.writeStringField("href", person.href());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeTranscripts(JsonGenerator json, List<TranscriptRef> transcripts) throws IOException {
        json.writeArrayFieldStart("transcripts");
        for (TranscriptRef transcript : transcripts) {
            json.writeStartObject();
            json.writeStringField("url", transcript.url());
            json.writeStringField("type", transcript.type());
            json.writeStringField("language", transcript.language());
            json.writeStringField("rel", transcript.rel());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeNumber(JsonGenerator json, String name, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value.longValue());
        }
    }
}

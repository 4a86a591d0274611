package dev.hark.chapters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Chapters as the web API and the player get them:
 * {@code [{"start","end","title","url","image"}]}, seconds as numbers, unknown values null.
 * Only the table of contents is written: chapters marked {@code toc: false} are no place to skip
 * to. Pure; thread-safe.
 */
public final class ChapterJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ChapterJson() {
    }

    /** One chapter as the web sees it; Jackson (and so Javalin's {@code ctx.json}) writes it as is. */
    public record Entry(double start, Double end, String title, String url, String image) {
    }

    /** The chapters to show and skip between, for {@code ctx.json(...)}; empty for none. */
    public static List<Entry> entries(Chapters chapters) {
        return chapters.tableOfContents().stream()
                .map(c -> new Entry(c.start(), c.end(), c.title(), c.url(), c.image()))
                .toList();
    }

    /** The same as a JSON array. */
    public static String write(Chapters chapters) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartArray();
            for (Entry entry : entries(chapters)) {
                json.writeStartObject();
                json.writeNumberField("start", entry.start());
                if (entry.end() == null) {
                    json.writeNullField("end");
                } else {
                    json.writeNumberField("end", entry.end());
                }
                json.writeStringField("title", entry.title());
                json.writeStringField("url", entry.url());
                json.writeStringField("image", entry.image());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}

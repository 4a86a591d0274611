package dev.hark.media;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The silence map as JSON, for the web player and for storage. Seconds are rounded to the
 * millisecond. Thread-safe.
 *
 * <pre>{@code
 * {"duration":3600.5,
 *  "silences":[[12.31,13.2],...],
 *  "levels":{"mild":{"minSilence":0.75,"keep":0.25,"timeSaved":81.2},
 *            "strong":{"minSilence":0.35,"keep":0.1,"timeSaved":240.7}}}
 * }</pre>
 *
 * The skip list of a level is computed by the client, not sent: for each {@code [start,end]}
 * with {@code end - start >= minSilence}, jump from {@code start + keep/2} to
 * {@code end - keep/2} (as {@link SilenceMap#skips} does). One list serves every level, and
 * {@code timeSaved} lets the player show the gain before the listener picks one.
 */
public final class SilenceMapJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SilenceMapJson() {
    }

    public static String write(SilenceMap map) {
        return generate(json -> {
            json.writeStartObject();
            json.writeNumberField("duration", seconds(map.duration()));
            json.writeFieldName("silences");
            writeSilences(json, map.silences());
            json.writeObjectFieldStart("levels");
            for (SilenceLevel level : SilenceLevel.values()) {
                json.writeObjectFieldStart(level.key());
                json.writeNumberField("minSilence", level.minSilence());
                json.writeNumberField("keep", level.keep());
                json.writeNumberField("timeSaved", seconds(map.timeSaved(level)));
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** Just the {@code [[start,end],...]} array, as stored in the database. */
    public static String writeSilences(List<Silence> silences) {
        return generate(json -> writeSilences(json, silences));
    }

    /** Reads what {@link #writeSilences} wrote. */
    public static List<Silence> readSilences(String json) {
        try {
            JsonNode array = MAPPER.readTree(json);
            List<Silence> silences = new ArrayList<>(array.size());
            for (JsonNode pair : array) {
                silences.add(new Silence(pair.get(0).asDouble(), pair.get(1).asDouble()));
            }
            return silences;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a stored silence list: " + abbreviate(json), e);
        }
    }

    private static void writeSilences(JsonGenerator json, List<Silence> silences) throws IOException {
        json.writeStartArray();
        for (Silence silence : silences) {
            json.writeStartArray();
            json.writeNumber(seconds(silence.start()));
            json.writeNumber(seconds(silence.end()));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private static String generate(Writer writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 60 ? String.valueOf(text) : text.substring(0, 60) + "…";
    }
}

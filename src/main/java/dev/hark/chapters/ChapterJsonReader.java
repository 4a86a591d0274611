package dev.hark.chapters;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads a publisher's chapters file:
 * <ul>
 *   <li>Podcasting 2.0 JSON chapters, every published version:
 *       {@code {"version","chapters":[{"startTime","endTime"?,"title","img"?,"url"?,"toc"?}]}}
 *       with times as seconds;</li>
 *   <li>Podlove JSON: {@code [{"start":"hh:mm:ss.mmm","title","href","image"}]}.</li>
 * </ul>
 * Leniently, as real files need: either start field in either shape, times as numbers or
 * {@link NormalPlayTime} strings, trailing commas and comments, empty strings as absent,
 * chapters sorted by start, untitled ones named "Chapter N", chapters with no readable start
 * left out. Relative {@code img} and {@code url} are resolved against the file's address.
 *
 * <p>Pure; thread-safe.
 */
public final class ChapterJsonReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private ChapterJsonReader() {
    }

    /**
     * @param body    the file's bytes (UTF-8, or UTF-16/32 with or without a byte-order mark)
     * @param baseUrl the address the file came from, for relative links; null leaves relative
     *                links out
     * @throws ChaptersException when the bytes are not a chapters file we can read
     */
    public static Chapters read(byte[] body, String baseUrl) throws ChaptersException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ChaptersException("The chapters file is not valid JSON (" + where(e.getLocation()) + ").", e);
        } catch (IOException e) {
            throw new ChaptersException("The chapters file could not be read: " + e.getMessage() + ".", e);
        }
        return read(root, baseUrl);
    }

    /** As {@link #read(byte[], String)}, from text. */
    public static Chapters read(String json, String baseUrl) throws ChaptersException {
        return read(json.getBytes(StandardCharsets.UTF_8), baseUrl);
    }

    private static Chapters read(JsonNode root, String baseUrl) throws ChaptersException {
        if (root == null || root.isMissingNode()) {
            throw new ChaptersException("The chapters file is empty.");
        }
        if (root.isArray()) {
            return new Chapters(chapters(root, baseUrl), Chapters.PODLOVE);
        }
        if (!root.isObject()) {
            throw new ChaptersException("The chapters file holds a single JSON value instead of chapters.");
        }
        JsonNode list = root.get("chapters");
        if (list == null || list.isNull()) {
            throw new ChaptersException("The JSON file has no \"chapters\" list, so it is not a chapters file.");
        }
        if (!list.isArray()) {
            throw new ChaptersException("The \"chapters\" entry of the JSON file is not a list.");
        }
        return new Chapters(chapters(list, baseUrl), Chapters.PUBLISHER_JSON);
    }

    private record Entry(int index, double start, Double end, String title, String url, String image, boolean toc) {
    }

    private static List<Chapter> chapters(JsonNode array, String baseUrl) throws ChaptersException {
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : array) {
            Entry entry = entry(index++, node, baseUrl);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty() && !array.isEmpty()) {
            throw new ChaptersException("None of the " + array.size() + " chapters in the file has a start time.");
        }
        entries.sort(Comparator.comparingDouble(Entry::start).thenComparingInt(Entry::index));
        List<Chapter> chapters = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String title = e.title() == null ? "Chapter " + (chapters.size() + 1) : e.title();
            chapters.add(new Chapter(e.start(), e.end(), title, e.url(), e.image(), e.toc()));
        }
        return chapters;
    }

    /** One chapter, or null when it has no usable start. */
    private static Entry entry(int index, JsonNode node, String baseUrl) {
        if (!node.isObject()) {
            return null;
        }
        OptionalDouble start = time(node.has("startTime") ? node.get("startTime") : node.get("start"));
        if (start.isEmpty()) {
            return null;
        }
        OptionalDouble end = time(node.get("endTime"));
        Double endOrNull = end.isPresent() && end.getAsDouble() > start.getAsDouble() ? end.getAsDouble() : null;
        String url = ChapterLinks.resolve(baseUrl, text(node, "url", "href"));
        String image = ChapterLinks.resolve(baseUrl, text(node, "img", "image"));
        JsonNode toc = node.get("toc");
        boolean inToc = toc == null || !"false".equals(toc.asText()); // false, or "false" as text
        return new Entry(index, start.getAsDouble(), endOrNull, text(node, "title", "title"), url, image, inToc);
    }

    private static OptionalDouble time(JsonNode node) {
        if (node == null) {
            return OptionalDouble.empty();
        }
        if (node.isNumber()) {
            double seconds = node.doubleValue();
            return seconds >= 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        }
        return node.isTextual() ? NormalPlayTime.parse(node.textValue()) : OptionalDouble.empty();
    }

    /** The first of the fields that holds non-blank text (or a number), stripped; else null. */
    private static String text(JsonNode node, String field, String alternative) {
        for (String name : new String[] {field, alternative}) {
            JsonNode value = node.get(name);
            if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "it breaks off or has a syntax error";
        }
        return "syntax error at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}

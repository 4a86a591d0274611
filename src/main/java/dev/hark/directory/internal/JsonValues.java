package dev.hark.directory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.directory.SourceError;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Reading the loosely typed fields both directories send: blanks, numbers as text, odd URLs. */
final class JsonValues {

    // Thread-safe once built; readTree never changes it.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    /** The body as a JSON object. Jackson detects UTF-8/16/32 from the bytes themselves. */
    static JsonNode object(byte[] body) throws SourceFailure {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) { // from a byte array, only a JacksonException: the text is not JSON
            throw new SourceFailure(SourceError.BAD_RESPONSE, "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new SourceFailure(SourceError.BAD_RESPONSE, "not a JSON object");
        }
        return root;
    }

    /** The first of {@code names} holding non-blank text (or a number), stripped; else null. */
    static String text(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.get(name);
            if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    /** A count sent as a number or as digits; null when missing, negative or absurd. */
    static Integer count(JsonNode item, String name) {
        JsonNode value = item.get(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
            return Integer.valueOf(value.asText().strip());
        }
        return null;
    }

    /** {@code url} when it is an absolute http(s) URL with a host, else null. */
    static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

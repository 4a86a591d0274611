package dev.hark.directory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Stand-ins for the two directories, as handlers for {@link dev.hark.testing.LoopbackFeedServer}:
 * they read requests as the real services do and answer in their JSON. The Podcast Index stand-in
 * checks the signature with its own SHA-1, independent of the code under test.
 */
final class StandIns {

    static final String ITUNES_PATH = "/search";
    static final String INDEX_PATH = "/api/1.0/search/byterm";
    static final String KEY = "HARKTESTKEY0000";
    static final String SECRET = "not-a-real-secret|^$";

    private StandIns() {
    }

    /** The query parameters, decoded; a repeated name keeps its last value. */
    static Map<String, String> params(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An iTunes answer listing {@code feeds} as "title|feedUrl" pairs. */
    static String itunesJson(String... feeds) {
        String results = java.util.Arrays.stream(feeds).map(feed -> {
            String[] parts = feed.split("\\|");
            return """
                    {"wrapperType":"track","kind":"podcast","artistName":"iTunes artist","collectionName":%s,
                     "feedUrl":%s,"artworkUrl600":"https://art.example/600.jpg","trackCount":10}"""
                    .formatted(quote(parts[0]), quote(parts[1]));
        }).collect(Collectors.joining(","));
        return "{\"resultCount\":" + feeds.length + ",\"results\":[" + results + "]}";
    }

    /** A Podcast Index answer listing {@code feeds} as "title|url" pairs. */
    static String indexJson(String... feeds) {
        String results = java.util.Arrays.stream(feeds).map(feed -> {
            String[] parts = feed.split("\\|");
            return """
                    {"id":1,"title":%s,"url":%s,"author":"Index author","artwork":"https://art.example/index.jpg",
                     "episodeCount":20,"description":"From the index"}""".formatted(quote(parts[0]), quote(parts[1]));
        }).collect(Collectors.joining(","));
        return "{\"status\":\"true\",\"feeds\":[" + results + "],\"count\":" + feeds.length + "}";
    }

    /** An iTunes stand-in answering every search with {@code json}. */
    static HttpHandler itunes(String json) {
        return exchange -> sendJson(exchange, 200, json);
    }

    /**
     * A Podcast Index stand-in: 401 with the index's JSON unless the three auth headers are
     * present and the signature matches KEY and SECRET; otherwise {@code json}.
     */
    static HttpHandler podcastIndex(String json) {
        return exchange -> {
            if (!signedCorrectly(exchange)) {
                sendJson(exchange, 401, "{\"status\":\"false\",\"description\":\"Authorization header value not valid\"}");
                return;
            }
            sendJson(exchange, 200, json);
        };
    }

    static boolean signedCorrectly(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        String date = headers.getFirst("X-Auth-Date");
        return KEY.equals(headers.getFirst("X-Auth-Key"))
                && date != null && date.matches("\\d+")
                && Objects.equals(sha1Hex(KEY + SECRET + date), headers.getFirst("Authorization"));
    }

    static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

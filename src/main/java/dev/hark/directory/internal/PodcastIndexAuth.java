package dev.hark.directory.internal;

import dev.hark.directory.PodcastIndexCredentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Podcast Index's request signature: X-Auth-Key, X-Auth-Date (Unix seconds) and
 * Authorization, the lowercase hex SHA-1 of key + secret + date. The index refuses a date more
 * than a few minutes off its clock, so each request is signed afresh. Pure and thread-safe.
 */
public final class PodcastIndexAuth {

    private PodcastIndexAuth() {
    }

    /** The three headers, in the order the API documentation lists them. */
    public static Map<String, String> headers(PodcastIndexCredentials credentials, long epochSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Auth-Key", credentials.key());
        headers.put("X-Auth-Date", Long.toString(epochSeconds));
        headers.put("Authorization", signature(credentials, epochSeconds));
        return headers;
    }

    public static String signature(PodcastIndexCredentials credentials, long epochSeconds) {
        String signed = credentials.key() + credentials.secret() + epochSeconds;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(signed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest); // lowercase, two digits per byte, as the API asks
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}

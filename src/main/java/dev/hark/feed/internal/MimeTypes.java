package dev.hark.feed.internal;

import java.util.Locale;
import java.util.Map;

/** Normalises enclosure MIME types and shares one instance of the common ones across items. */
final class MimeTypes {

    private static final Map<String, String> COMMON = Map.of(
            "audio/mpeg", "audio/mpeg",
            "audio/mp3", "audio/mp3",
            "audio/x-m4a", "audio/x-m4a",
            "audio/mp4", "audio/mp4",
            "audio/aac", "audio/aac",
            "audio/ogg", "audio/ogg",
            "audio/opus", "audio/opus",
            "video/mp4", "video/mp4",
            "video/x-m4v", "video/x-m4v",
            "application/octet-stream", "application/octet-stream");

    private MimeTypes() {
    }

    /** Lower case, trimmed; null when blank or not of the form {@code type/subtype}. */
    static String canonical(String type) {
        String s = TextValues.clean(type);
        if (s == null || s.indexOf('/') <= 0) {
            return null;
        }
        String shared = COMMON.get(s);
        if (shared != null) {
            return shared;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return COMMON.getOrDefault(lower, lower);
    }
}

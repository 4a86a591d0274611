package dev.hark.media;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** File extensions for media types and back, for naming downloads and serving them. Pure. */
public final class MediaTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp3", "mp3"), Map.entry("audio/mpeg3", "mp3"),
            Map.entry("audio/x-mpeg", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/x-m4a", "m4a"),
            Map.entry("audio/m4a", "m4a"), Map.entry("audio/aac", "aac"), Map.entry("audio/x-aac", "aac"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/vorbis", "ogg"), Map.entry("audio/opus", "opus"),
            Map.entry("audio/webm", "webm"), Map.entry("audio/flac", "flac"), Map.entry("audio/x-flac", "flac"),
            Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/x-m4v", "m4v"), Map.entry("video/webm", "webm"), Map.entry("video/quicktime", "mov"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"),
            Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"),
            Map.entry("webm", "audio/webm"), Map.entry("flac", "audio/flac"), Map.entry("wav", "audio/wav"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/x-m4v"), Map.entry("mov", "video/quicktime"));

    private static final Set<String> KNOWN = TYPES.keySet();

    /** For files whose type nobody knows. */
    public static final String FALLBACK_TYPE = "application/octet-stream";

    private MediaTypes() {
    }

    /**
     * The extension to save an enclosure under: from its media type when that is a known audio
     * or video type, else from the URL path when that ends in a known one, else "audio".
     */
    public static String extension(String mediaType, String url) {
        if (mediaType != null) {
            String base = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            String fromType = EXTENSIONS.get(base);
            if (fromType != null) {
                return fromType;
            }
        }
        try {
            String path = url == null ? null : URI.create(url.strip()).getPath();
            if (path != null) {
                int dot = path.lastIndexOf('.');
                String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (KNOWN.contains(ext)) {
                    return ext;
                }
            }
        } catch (IllegalArgumentException e) {
            // an address URI cannot parse: the generic name will do
        }
        return "audio";
    }

    /** The Content-Type for a file extension, or {@link #FALLBACK_TYPE}. */
    public static String forExtension(String extension) {
        return TYPES.getOrDefault(extension.toLowerCase(Locale.ROOT), FALLBACK_TYPE);
    }
}

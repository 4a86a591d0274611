package dev.hark.transcript;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The transcript formats Hark reads, and how to tell them apart. Servers often send the wrong
 * content type (WebVTT as text/plain, JSON as application/octet-stream), so
 * {@link #detect} trusts the content's own signs first and a content type or file name only
 * when the content has none.
 */
public enum TranscriptFormat {
    JSON("application/json", "json"),
    VTT("text/vtt", "vtt"),
    SRT("application/x-subrip", "srt"),
    HTML("text/html", "html"),
    TEXT("text/plain", "txt");

    /** A cue timing line: {@code 00:00:01,000 --> 00:00:02,000}, hours optional. */
    private static final Pattern TIMING = Pattern.compile("(?m)^\\s*(?:\\d+:)?\\d{1,2}:\\d{1,2}[.,]\\d{1,3}\\s*-->");
    private static final Pattern JSON_START = Pattern.compile("^(?:\\{|\\[\\s*(?:[{\\]\"]|$))");
    private static final Pattern MARKUP = Pattern.compile(
            "(?i)<(?:p|cite|time|br|div|span|html|body|section|article|h[1-6]|li|ul|ol|strong|b|em)[\\s>/]");
    private static final int SNIFF_WINDOW = 8192;

    private final String mimeType;
    private final String extension;

    TranscriptFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /** The MIME type Hark serves this format as. */
    public String mimeType() {
        return mimeType;
    }

    /** The usual file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a MIME type names ({@code text/vtt; charset=utf-8} is VTT); empty for unknown types. */
    public static Optional<TranscriptFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (type) {
            case "application/json", "text/json", "application/x-json" -> JSON;
            case "text/vtt", "text/webvtt" -> VTT;
            case "application/x-subrip", "application/srt", "text/srt", "text/x-srt", "application/x-srt" -> SRT;
            case "text/html", "application/xhtml+xml" -> HTML;
            case "text/plain" -> TEXT;
            default -> type.endsWith("+json") ? JSON : null;
        });
    }

    /** The format a file name or URL path ends with ({@code /ep1.vtt?x=1} is VTT); empty when unknown. */
    public static Optional<TranscriptFormat> fromFileName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String path = name.split("[?#]", 2)[0].toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (path.substring(dot + 1)) {
            case "json" -> JSON;
            case "vtt", "webvtt" -> VTT;
            case "srt" -> SRT;
            case "html", "htm", "xhtml" -> HTML;
            case "txt", "text" -> TEXT;
            default -> null;
        });
    }

    /** A hint that is either a content type or a file name. */
    public static Optional<TranscriptFormat> fromHint(String hint) {
        return fromContentType(hint).or(() -> fromFileName(hint));
    }

    /**
     * The format of {@code content}. The content decides when it shows a clear sign: a WEBVTT
     * header, JSON's opening bracket, SRT-style cue timings ({@code -->} without a WEBVTT header),
     * or HTML tags. Otherwise the hint (content type or file name) decides; with neither, it is
     * plain text.
     *
     * @param hint a content type or file name, or null
     */
    public static TranscriptFormat detect(String content, String hint) {
        return sniff(content).or(() -> fromHint(hint)).orElse(TEXT);
    }

    /** The format the content itself shows, if it shows one. */
    static Optional<TranscriptFormat> sniff(String content) {
        String start = content.length() > SNIFF_WINDOW ? content.substring(0, SNIFF_WINDOW) : content;
        if (!start.isEmpty() && start.charAt(0) == '\uFEFF') {
            start = start.substring(1);
        }
        start = start.stripLeading();
        if (start.startsWith("WEBVTT")) {
            return Optional.of(VTT);
        }
        if (JSON_START.matcher(start).find()) {
            return Optional.of(JSON);
        }
        if (TIMING.matcher(start).find()) {
            return Optional.of(SRT);
        }
        if (start.startsWith("<") && !start.startsWith("<v ") && !start.startsWith("<v.") || MARKUP.matcher(start).find()) {
            return Optional.of(HTML);
        }
        return Optional.empty();
    }
}

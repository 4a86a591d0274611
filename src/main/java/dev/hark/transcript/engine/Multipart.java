package dev.hark.transcript.engine;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and files; files are streamed
 * from disk, not loaded. Not thread-safe; build one per request.
 */
final class Multipart {

    private final String boundary = "hark-" + UUID.randomUUID();
    private final List<Object> parts = new ArrayList<>(); // byte[] or Path

    Multipart field(String name, String value) {
        parts.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        return this;
    }

    /** A file, named "audio.EXT" after its extension: servers tell the format by it; the real name may not be ASCII. */
    Multipart file(String name, Path file) {
        String extension = extension(file);
        parts.add(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"audio."
                + extension + "\"\r\nContent-Type: " + mediaType(extension) + "\r\n\r\n"));
        parts.add(file);
        parts.add(bytes("\r\n"));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() throws IOException {
        List<HttpRequest.BodyPublisher> publishers = new ArrayList<>();
        for (Object part : parts) {
            publishers.add(part instanceof Path file ? HttpRequest.BodyPublishers.ofFile(file)
                    : HttpRequest.BodyPublishers.ofByteArray((byte[]) part));
        }
        publishers.add(HttpRequest.BodyPublishers.ofByteArray(bytes("--" + boundary + "--\r\n")));
        for (Object part : parts) {
            if (part instanceof Path file && !Files.isReadable(file)) {
                throw new IOException(file + " is not readable");
            }
        }
        return HttpRequest.BodyPublishers.concat(publishers.toArray(HttpRequest.BodyPublisher[]::new));
    }

    static String extension(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.matches("[a-z0-9]{1,5}") ? extension : "mp3";
    }

    private static String mediaType(String extension) {
        return switch (extension) {
            case "mp3", "mpga", "mpeg" -> "audio/mpeg";
            case "m4a", "mp4", "aac" -> "audio/mp4";
            case "wav" -> "audio/wav";
            case "ogg", "oga", "opus" -> "audio/ogg";
            case "flac" -> "audio/flac";
            case "webm" -> "audio/webm";
            default -> "application/octet-stream";
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

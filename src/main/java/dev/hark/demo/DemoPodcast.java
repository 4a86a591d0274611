package dev.hark.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo podcast bundled in the jar, so a newcomer sees a complete episode (speech audio,
 * transcripts, chapters, artwork) with no network: {@code hark --demo} serves these files itself
 * and subscribes to its own {@code /demo/feed.xml}.
 *
 * <p>Only the names in a fixed allowlist are served; a name from a request is looked up in it and
 * never used as a path.
 */
public final class DemoPodcast {

    /** The episode audio: synthesized speech, MP3 mono 32 kbps. */
    public static final String AUDIO = "episode-1.mp3";

    /** What {@link #feedXml} replaces with the serving address in every URL of the feed. */
    static final String BASE_PLACEHOLDER = "{{BASE}}";

    private static final String FOLDER = "/demo/";

    /** Every servable file, with its content type. The feed is not here: see {@link #feedXml}. */
    private static final Map<String, String> FILES = Map.of(
            AUDIO, "audio/mpeg",
            "transcript.vtt", "text/vtt; charset=utf-8",
            "transcript.json", "application/json",
            "chapters.json", "application/json",
            "artwork.png", "image/png");

    private DemoPodcast() {
    }

    /**
     * A bundled file, its bytes read afresh from the jar on each call (the caller may keep or
     * change them).
     */
    public record DemoFile(String name, String contentType, byte[] bytes) {
    }

    /**
     * The demo feed with every bundled URL pointing at {@code baseUrl}, e.g.
     * {@code http://127.0.0.1:8080} gives {@code http://127.0.0.1:8080/demo/episode-1.mp3}.
     * Trailing slashes on {@code baseUrl} are ignored.
     */
    public static String feedXml(String baseUrl) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String xml = new String(read("feed.xml"), StandardCharsets.UTF_8);
        return xml.replace(BASE_PLACEHOLDER, escapeXml(base));
    }

    /**
     * The bundled file with this exact name ({@value #AUDIO}, {@code transcript.vtt},
     * {@code transcript.json}, {@code chapters.json} or {@code artwork.png}); empty for any
     * other name.
     */
    public static Optional<DemoFile> file(String name) {
        String type = name == null ? null : FILES.get(name);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new DemoFile(name, type, read(name)));
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoPodcast.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the demo resource " + FOLDER + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo resource " + FOLDER + name, e);
        }
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

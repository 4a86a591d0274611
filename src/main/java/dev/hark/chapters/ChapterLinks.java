package dev.hark.chapters;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Makes a chapter's link or image absolute and safe to put in a page: relative references are
 * resolved against the chapters file's address, and anything that is not http(s) in the end
 * (javascript:, data:, a relative reference with no base) is dropped. Pure; thread-safe.
 */
final class ChapterLinks {

    private ChapterLinks() {
    }

    /** The absolute http(s) URL, or null when there is none to be had. */
    static String resolve(String base, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        try {
            // publishers write file names with spaces; URI wants them escaped
            URI ref = new URI(reference.strip().replace(" ", "%20"));
            URI absolute = ref.isAbsolute() ? ref : against(base, ref);
            if (absolute == null || absolute.getHost() == null || absolute.getScheme() == null) {
                return null;
            }
            String scheme = absolute.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? absolute.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static URI against(String base, URI ref) throws URISyntaxException {
        if (base == null || base.isBlank()) {
            return null;
        }
        URI baseUri = new URI(base.strip());
        if (!baseUri.isAbsolute()) {
            return null;
        }
        if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
            // URI.resolve glues "a.jpg" onto "http://host" as "http://hosta.jpg"
            baseUri = new URI(baseUri.getScheme(), baseUri.getRawAuthority(), "/", null, null);
        }
        return baseUri.resolve(ref);
    }
}

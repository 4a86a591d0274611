package dev.hark.directory.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The identity of a feed address for spotting one podcast listed twice. Two directories spell
 * the same feed differently: host case, a trailing slash, an explicit default port, and often
 * http in one and https in the other. Pure and thread-safe.
 */
public final class FeedUrls {

    private FeedUrls() {
    }

    /**
     * A key equal for addresses that name the same feed: the scheme is left out (http and https
     * serve the same feed in practice), the host lowercased, a default port, trailing slashes and
     * the fragment dropped. Path and query keep their case, since servers treat them as distinct.
     */
    public static String key(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed; // only exact repeats match
        }
        if (uri.getHost() == null) {
            return trimmed;
        }
        StringBuilder key = new StringBuilder(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != 80 && port != 443) {
            key.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        key.append(path, 0, end);
        if (uri.getRawQuery() != null) {
            key.append('?').append(uri.getRawQuery());
        }
        return key.toString();
    }
}

package dev.hark.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** What ffmpeg reads: a local file or an http(s) address. */
public sealed interface AudioSource {

    /** A short name for messages: the file name, or the address without its query. */
    String displayName();

    static AudioSource of(Path file) {
        return new File(file);
    }

    /**
     * An http or https address.
     *
     * @throws MediaException if the address is not one ffmpeg should be pointed at
     */
    static AudioSource of(URI url) throws MediaException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new MediaException(MediaException.Reason.NOT_FOUND, "The media address " + url + " is not an http(s) URL.");
        }
        return new Url(url);
    }

    record File(Path path) implements AudioSource {
        public File {
            path = path.toAbsolutePath();
        }

        @Override
        public String displayName() {
            return String.valueOf(path.getFileName());
        }
    }

    record Url(URI uri) implements AudioSource {
        @Override
        public String displayName() {
            // no user info or query: they may hold credentials or tracking tokens
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }
    }
}

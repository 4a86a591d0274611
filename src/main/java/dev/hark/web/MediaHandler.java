package dev.hark.web;

import dev.hark.library.Episode;
import dev.hark.library.EpisodeRepository;
import dev.hark.media.ByteRange;
import dev.hark.media.ContentRange;
import dev.hark.media.Download;
import dev.hark.media.DownloadException;
import dev.hark.media.DownloadRepository;
import dev.hark.media.HttpDate;
import dev.hark.media.MediaProxy;
import dev.hark.media.MediaStore;
import dev.hark.media.MediaTypes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET} and {@code HEAD /media/{episode}}: the episode's audio for the player, with HTTP
 * ranges so it can seek. A downloaded file is served from {@code media/} (200, 206 or 416, with
 * ETag from size and modification time, and Last-Modified); otherwise the enclosure is fetched
 * from the publisher with the listener's range and streamed through, status and headers
 * relayed. The file served is always the one the downloads table names under the media folder:
 * nothing in the request becomes a path. Errors are JSON {@code {"error": "..."}}: 400 for a bad
 * id, 404 for an unknown episode, 502 when the publisher fails. Thread-safe.
 */
public final class MediaHandler implements Handler {

    private static final Logger log = LoggerFactory.getLogger(MediaHandler.class);
    private static final int BUFFER = 64 * 1024;

    private final EpisodeRepository episodes;
    private final DownloadRepository downloads;
    private final MediaStore store;
    private final MediaProxy proxy;

    public MediaHandler(EpisodeRepository episodes, DownloadRepository downloads, MediaStore store, MediaProxy proxy) {
        this.episodes = episodes;
        this.downloads = downloads;
        this.store = store;
        this.proxy = proxy;
    }

    /** For a route with an {@code {episode}} path parameter. */
    @Override
    public void handle(Context ctx) throws Exception {
        String id = ctx.pathParam("episode");
        long episodeId;
        try {
            episodeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            error(ctx, 400, "An episode id is a whole number, not \"" + id + "\".");
            return;
        }
        handle(ctx, episodeId);
    }

    public void handle(Context ctx, long episodeId) throws IOException, InterruptedException {
        Optional<Episode> episode = episodes.find(episodeId);
        if (episode.isEmpty()) {
            error(ctx, 404, "No episode with id " + episodeId + ".");
            return;
        }
        Optional<Download> download = downloads.find(episodeId).filter(Download::complete);
        Optional<Path> file = download.flatMap(d -> store.existing(d.path()));
        if (file.isPresent()) {
            serveFile(ctx, episode.get(), download.get(), file.get());
        } else {
            serveFromPublisher(ctx, episode.get());
        }
    }

    private void serveFile(Context ctx, Episode episode, Download download, Path file) throws IOException {
        long length = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        // size and modification time change whenever the file does: a strong validator without hashing it
        String etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(modified.getEpochSecond()) + "\"";
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HttpDate.format(modified));
        ctx.header("Content-Type", contentType(episode, download, file));
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ByteRange range = ByteRange.of(ctx.header("Range"), ctx.header("If-Range"), length, etag, modified);
        switch (range) {
            case ByteRange.Whole whole -> send(ctx, 200, file, 0, length);
            case ByteRange.Part part -> {
                ctx.header("Content-Range", part.contentRange(length).header());
                send(ctx, 206, file, part.start(), part.length());
            }
            case ByteRange.Unsatisfiable none -> {
                ctx.header("Content-Range", ContentRange.unsatisfied(length).header());
                ctx.status(416);
                ctx.res().setContentLengthLong(0);
            }
        }
    }

    private void send(Context ctx, int status, Path file, long start, long count) throws IOException {
        ctx.status(status);
        ctx.res().setContentLengthLong(count);
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = ctx.res().getOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long position = start;
            long end = start + count;
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER, end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break; // the file shrank under us: the short body makes the client see it
                }
                out.write(buffer.array(), 0, n);
                position += n;
            }
            out.flush();
        } catch (IOException e) {
            // most often the listener seeked or left: the player drops a connection on every seek
            log.debug("Sending {} stopped: {}", file.getFileName(), e.toString());
        }
    }

    private void serveFromPublisher(Context ctx, Episode episode) throws InterruptedException {
        URI uri;
        try {
            uri = new URI(episode.mediaUrl().strip());
        } catch (URISyntaxException e) {
            error(ctx, 502, "The episode's media address is not a valid URL.");
            return;
        }
        boolean head = ctx.method() == HandlerType.HEAD;
        try (MediaProxy.Upstream upstream = proxy.open(uri, ctx.header("Range"), ctx.header("If-Range"), head)) {
            int status = upstream.status();
            if (status != 200 && status != 206 && status != 416) {
                error(ctx, 502, "The publisher's server answered " + status + " for this episode's audio.");
                return;
            }
            upstream.headers().forEach(ctx::header);
            if (upstream.header("Content-Type").map(MediaHandler::generic).orElse(true)) {
                // storage buckets often say octet-stream; with nosniff the player needs the real type
                ctx.header("Content-Type", episode.mediaType() != null && !episode.mediaType().isBlank() ? episode.mediaType()
                        : MediaTypes.forExtension(MediaTypes.extension(null, episode.mediaUrl())));
            }
            ctx.status(status);
            upstream.header("Content-Length").ifPresent(value -> ctx.res().setHeader("Content-Length", value));
            if (!head && status != 416) {
                try {
                    upstream.copyTo(ctx.res().getOutputStream());
                } catch (IOException e) {
                    log.debug("Relaying episode {} stopped: {}", episode.id(), e.toString());
                }
            }
        } catch (DownloadException e) {
            log.info("Publisher failed for episode {}: {}", episode.id(), e.getMessage());
            error(ctx, 502, e.getMessage());
        } catch (IOException e) {
            log.debug("Closing the publisher's stream for episode {}: {}", episode.id(), e.toString());
        }
    }

    private static String contentType(Episode episode, Download download, Path file) {
        if (episode.mediaType() != null && !episode.mediaType().isBlank()) {
            return episode.mediaType();
        }
        if (download.mediaType() != null && !download.mediaType().isBlank()) {
            return download.mediaType();
        }
        String name = file.getFileName().toString();
        return MediaTypes.forExtension(name.substring(name.lastIndexOf('.') + 1));
    }

    private static boolean generic(String contentType) {
        String base = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return base.isEmpty() || base.equals("application/octet-stream") || base.equals("binary/octet-stream")
                || base.equals("application/x-octet-stream") || base.equals("application/binary") || base.equals("text/plain");
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }
}

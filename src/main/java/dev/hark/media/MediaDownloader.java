package dev.hark.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Fetches one media file into {@code <file>.part}, resuming what an earlier attempt left there,
 * and renames it to {@code <file>} only once complete and of the declared length: the final name
 * never holds a partial file. Thread-safe; one download per file at a time (the job queue
 * guarantees that).
 *
 * <p>Resuming sends {@code Range: bytes=<size of .part>-} with {@code If-Range} (the ETag, or
 * Last-Modified, the partial bytes came with). A 206 is appended when its {@code Content-Range}
 * starts where we are and agrees with the length known before; a 200 (the server ignored the
 * range, or the file changed) starts over; a 416 whose length equals what we hold completes it.
 */
public final class MediaDownloader {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloader.class);
    private static final int BUFFER = 64 * 1024;

    /** What the bytes in the partial file came with, to resume against. */
    public record Resume(String etag, String lastModified, Long totalBytes) {
        public static final Resume NONE = new Resume(null, null, null);
    }

    /** Hears about the download as it goes. Called on the downloading thread. */
    public interface Listener {
        /** The server answered: bytes resume from {@code offset}; the validators to resume with later. */
        void started(long offset, Long totalBytes, Resume validators, String mediaType);

        /** {@code bytes} are now in the partial file. */
        void progress(long bytes, Long totalBytes);
    }

    /** A complete file. */
    public record Result(long bytes, String mediaType) {
    }

    private final HttpClient client;
    private final DownloadLimits limits;

    public MediaDownloader(HttpClient client, DownloadLimits limits) {
        this.client = client;
        this.limits = limits;
    }

    /**
     * Downloads {@code uri} to {@code file}, through {@code file.part}.
     *
     * @param resume what the partial file's bytes came with, {@link Resume#NONE} if unknown
     * @throws DownloadException with the partial file kept if resuming can help ({@link DownloadException.Reason#CUT})
     * @throws InterruptedException if cancelled; the partial file is kept
     */
    public Result download(URI uri, Path file, Resume resume, Listener listener) throws DownloadException, InterruptedException {
        Path part = MediaStore.partOf(file);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.DISK, "Cannot create the folder " + file.getParent() + ".", e);
        }
        // a second round only when the file changed under a resume: the first round dropped the partial file
        for (int round = 0; round < 2; round++) {
            Optional<Result> result = attempt(uri, file, part, round == 0 ? resume : Resume.NONE, listener);
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw new DownloadException(DownloadException.Reason.LENGTH_MISMATCH,
                "The publisher's file changed while it was downloading.");
    }

    /** One request; empty when the partial file had to be dropped and the download should start over. */
    private Optional<Result> attempt(URI uri, Path file, Path part, Resume resume, Listener listener)
            throws DownloadException, InterruptedException {
        long offset = size(part);
        HttpResponse<InputStream> response = send(request(uri, offset, resume));
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            Long total;
            switch (status) {
                case 200 -> {
                    offset = 0;
                    total = contentLength(response);
                }
                case 206 -> {
                    ContentRange range = ContentRange.parse(response.headers().firstValue("Content-Range").orElse(null))
                            .filter(r -> !r.isUnsatisfied())
                            .orElse(null);
                    if (range == null || range.start() != offset) {
                        drop(part);
                        throw new DownloadException(DownloadException.Reason.LENGTH_MISMATCH, "The publisher sent bytes "
                                + (range == null ? "without a valid Content-Range" : "from " + range.start()) + " when asked for "
                                + offset + " onwards.");
                    }
                    if (resume.totalBytes() != null && range.total() != null && !resume.totalBytes().equals(range.total())) {
                        log.info("{} changed length from {} to {}; starting over", uri, resume.totalBytes(), range.total());
                        drop(part);
                        return Optional.empty();
                    }
                    total = range.total();
                }
                case 416 -> {
                    return unsatisfiable(response, file, part, offset);
                }
                default -> throw statusFailure(status);
            }
            if (total != null && total > limits.maxBytes()) {
                drop(part);
                throw tooLarge();
            }
            Resume validators = new Resume(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), total);
            String mediaType = response.headers().firstValue("Content-Type").orElse(null);
            listener.started(offset, total, validators, mediaType);
            long size = copy(body, part, status == 206, offset, total, listener);
            if (total != null && size != total) {
                drop(part);
                throw new DownloadException(DownloadException.Reason.LENGTH_MISMATCH, "The publisher declared "
                        + total + " bytes but the download came to " + size + ".");
            }
            if (size == 0) {
                drop(part);
                throw new DownloadException(DownloadException.Reason.EMPTY, "The publisher sent an empty file.");
            }
            finish(part, file);
            return Optional.of(new Result(size, mediaType));
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.DISK, "Cannot write " + part.getFileName() + ".", e);
        }
    }

    private HttpRequest request(URI uri, long offset, Resume resume) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(limits.headersTimeout())
                .header("User-Agent", limits.userAgent())
                .header("Accept-Encoding", "identity");
        if (offset > 0) {
            builder.header("Range", "bytes=" + offset + "-");
            String validator = resume.etag() != null && !resume.etag().startsWith("W/") ? resume.etag() : resume.lastModified();
            if (validator != null) {
                builder.header("If-Range", validator);
            }
        }
        return builder.GET().build();
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws DownloadException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new DownloadException(DownloadException.Reason.UNREACHABLE, "The publisher's server did not answer within "
                    + limits.headersTimeout().toSeconds() + " s.", e);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.UNREACHABLE, "Could not reach the publisher's server ("
                    + describe(e) + ").", e);
        }
    }

    /** 416 to a resume: complete if we hold exactly the whole file; else start over. */
    private Optional<Result> unsatisfiable(HttpResponse<InputStream> response, Path file, Path part, long offset)
            throws IOException, DownloadException {
        Long total = ContentRange.parse(response.headers().firstValue("Content-Range").orElse(null))
                .map(ContentRange::total).orElse(null);
        if (offset > 0 && total != null && total == offset) {
            finish(part, file);
            return Optional.of(new Result(offset, response.headers().firstValue("Content-Type").orElse(null)));
        }
        if (offset == 0) {
            throw statusFailure(416);
        }
        drop(part);
        return Optional.empty();
    }

    private long copy(InputStream body, Path part, boolean append, long offset, Long total, Listener listener)
            throws IOException, DownloadException, InterruptedException {
        long written = offset;
        boolean tooLarge = false;
        byte[] buffer = new byte[BUFFER];
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
             StallGuard guard = StallGuard.watch(body, limits.idleTimeout(), limits.attemptTimeout())) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    channel.force(false);
                    throw cut(e, guard.tripped(), written, total);
                }
                if (n < 0) {
                    break;
                }
                guard.activity();
                if (written + n > limits.maxBytes()) {
                    tooLarge = true;
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                written += n;
                listener.progress(written, total);
            }
            channel.force(false);
        }
        if (tooLarge) {
            drop(part);
            throw tooLarge();
        }
        return written;
    }

    private DownloadException cut(IOException e, StallGuard.Trip trip, long written, Long total) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("Download cancelled");
        }
        String sofar = written + (total == null ? "" : " of " + total) + " bytes";
        if (trip == StallGuard.Trip.IDLE) {
            return new DownloadException(DownloadException.Reason.CUT, "The download stalled for "
                    + limits.idleTimeout().toSeconds() + " s after " + sofar + "; it will resume.", e);
        }
        if (trip == StallGuard.Trip.DEADLINE) {
            return new DownloadException(DownloadException.Reason.CUT, "The download took longer than "
                    + limits.attemptTimeout().toMinutes() + " min (" + sofar + " so far); it will resume.", e);
        }
        return new DownloadException(DownloadException.Reason.CUT, "The connection broke after " + sofar
                + "; it will resume.", e);
    }

    private static void finish(Path part, Path file) throws IOException {
        try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private DownloadException tooLarge() {
        return new DownloadException(DownloadException.Reason.TOO_LARGE, "The file is larger than the download limit of "
                + DownloadLimits.megabytes(limits.maxBytes()) + ".");
    }

    private static DownloadException statusFailure(int status) {
        if (status == 404 || status == 410) {
            return new DownloadException(DownloadException.Reason.GONE,
                    "The publisher no longer has this episode's file (HTTP " + status + ").");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new DownloadException(DownloadException.Reason.SERVER_ERROR,
                    "The publisher's server is failing or busy (HTTP " + status + ").");
        }
        if (status >= 400) {
            return new DownloadException(DownloadException.Reason.REFUSED,
                    "The publisher's server refused the download (HTTP " + status + ").");
        }
        return new DownloadException(DownloadException.Reason.SERVER_ERROR,
                "The publisher's server gave an unexpected answer (HTTP " + status + ").");
    }

    private static Long contentLength(HttpResponse<?> response) {
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        return length.isPresent() && length.getAsLong() >= 0 ? length.getAsLong() : null;
    }

    private static long size(Path part) throws DownloadException {
        try {
            return Files.isRegularFile(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.DISK, "Cannot read " + part.getFileName() + ".", e);
        }
    }

    private static void drop(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", part, e.getMessage());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

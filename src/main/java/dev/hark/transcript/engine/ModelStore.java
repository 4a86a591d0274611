package dev.hark.transcript.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * whisper.cpp model files under {@code <data>/models/}, named {@code ggml-NAME.bin}, fetched on
 * first use from the whisper.cpp model host (or any base URL). A download goes to
 * {@code ggml-NAME.bin.part}; an interrupted one resumes with a Range request. When a checksum
 * is known (SHA-1 of the official files, from whisper.cpp's models/README) the file is verified
 * and a mismatch deletes it; otherwise only its size is checked against the server's.
 * Thread-safe for different models; two concurrent fetches of one model are serialised.
 */
public final class ModelStore {

    public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/");

    /** The model names Hark knows, smallest first. */
    public static final List<String> NAMES = List.of("tiny", "tiny.en", "base", "base.en", "small", "small.en",
            "medium", "medium.en", "large-v3", "large-v3-turbo");

    /** SHA-1 of the official files (whisper.cpp models/README.md). */
    public static final Map<String, String> OFFICIAL_SHA1 = Map.of(
            "tiny", "bd577a113a864445d4c299885e0cb97d4ba92b5f",
            "tiny.en", "c78c86eb1a8faa21b369bcd33207cc90d64ae9df",
            "base", "465707469ff3a37a2b9b8d8f89f2f99de7299dac",
            "base.en", "137c40403d78fd54d454da0f9bd998f78703390c",
            "small", "55356645c2b361a969dfd0ef2c5a50d530afd8d5",
            "small.en", "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022",
            "medium", "fd9727b6e1217c2f614f9b698455c4ffd82463b4",
            "medium.en", "8c30f0e44ce9560643ebd10bbe50cd20eafd3723",
            "large-v3", "ad82bf6a9043ceed055076d0fd39f5f186ff8062",
            "large-v3-turbo", "4af2b29d7ec73d781377bfd1758ca957a807e941");

    /** Receives download progress: bytes so far and the total (-1 when the server does not say). */
    @FunctionalInterface
    public interface DownloadProgress {
        DownloadProgress NONE = (bytes, total) -> { };

        void update(long bytes, long total);
    }

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final URI baseUrl;
    private final HttpClient http;
    private final Map<String, String> checksums;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** The official host and checksums. */
    public ModelStore(Path modelsDir) {
        this(modelsDir, DEFAULT_BASE_URL, OFFICIAL_SHA1);
    }

    /**
     * @param checksums SHA-1 (40 hex digits) or SHA-256 (64) per model name; names without one are
     *                  checked by size only. Use {@link #OFFICIAL_SHA1} for the official host.
     */
    public ModelStore(Path modelsDir, URI baseUrl, Map<String, String> checksums) {
        this.dir = modelsDir;
        this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
        this.checksums = Map.copyOf(checksums);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Whether {@code name} is a model Hark can fetch. */
    public static boolean isName(String name) {
        return NAMES.contains(name);
    }

    /** The default model for a feed's language: base.en for English or unknown, base otherwise. */
    public static String defaultFor(String language) {
        return language == null || language.isBlank() || language.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? "base.en" : "base";
    }

    /** The file a named model lives in (whether or not it is there yet). */
    public Path file(String name) {
        return dir.resolve("ggml-" + name + ".bin");
    }

    /**
     * The model file for a name (fetched if missing) or an existing file's path (used as is).
     *
     * @throws ModelException for an unknown name, a failed download or a checksum mismatch
     */
    public Path resolve(String nameOrPath, DownloadProgress progress) throws ModelException, InterruptedException {
        if (isName(nameOrPath)) {
            return fetch(nameOrPath, progress);
        }
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return path;
        }
        throw new ModelException("Unknown speech model \"" + nameOrPath + "\": use one of " + String.join(", ", NAMES)
                + ", or the path of a whisper.cpp model file.", false);
    }

    /** The model's file, downloaded first if it is not there yet. */
    public Path fetch(String name, DownloadProgress progress) throws ModelException, InterruptedException {
        Path target = file(name);
        synchronized (lockFor(name)) {
            if (Files.isRegularFile(target)) {
                return target;
            }
            URI url = baseUrl.resolve("ggml-" + name + ".bin");
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.createDirectories(dir);
                long total = download(url, part, progress);
                verify(name, part, total);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("Fetched speech model {} ({} bytes)", name, Files.size(target));
                return target;
            } catch (IOException e) {
                throw new ModelException("Fetching the speech model " + name + " from " + url.getHost()
                        + " failed (" + e.getMessage() + "); it will resume where it stopped.", true, e);
            }
        }
    }

    /** Downloads into {@code part}, resuming it; returns the full size, or -1 when unknown. */
    private long download(URI url, Path part, DownloadProgress progress)
            throws IOException, InterruptedException, ModelException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long total;
            boolean append;
            if (status == 206 && have > 0) {
                OptionalLong[] range = contentRange(response);
                if (range[0].orElse(-1) != have) {
                    throw new IOException("the server resumed at the wrong place");
                }
                total = range[1].orElse(-1);
                append = true;
            } else if (status == 416 && have > 0) {
                // the part is probably complete already (or the file changed): start over next time
                Files.deleteIfExists(part);
                throw new IOException("the server refused to resume");
            } else if (status == 200) {
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                have = 0;
                append = false;
            } else if (status == 404) {
                throw new ModelException("The model host has no " + url.getPath().substring(url.getPath().lastIndexOf('/') + 1)
                        + " (HTTP 404).", false);
            } else {
                throw new IOException("HTTP " + status);
            }
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[256 * 1024];
                long done = have;
                progress.update(done, total);
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("Fetching the speech model was cancelled.");
                    }
                    out.write(buffer, 0, n);
                    done += n;
                    progress.update(done, total);
                }
            }
            return total;
        }
    }

    private static OptionalLong[] contentRange(HttpResponse<?> response) {
        Matcher matcher = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
        if (!matcher.matches()) {
            return new OptionalLong[]{OptionalLong.empty(), OptionalLong.empty()};
        }
        return new OptionalLong[]{OptionalLong.of(Long.parseLong(matcher.group(1))),
                matcher.group(3).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(matcher.group(3)))};
    }

    private void verify(String name, Path part, long total) throws IOException, ModelException {
        long size = Files.size(part);
        if (total >= 0 && size != total) {
            throw new IOException("got " + size + " of " + total + " bytes");
        }
        String expected = checksums.get(name);
        if (expected == null) {
            return; // size checked above; nothing more is known
        }
        String actual = digest(part, expected.length() == 64 ? "SHA-256" : "SHA-1");
        if (!actual.equalsIgnoreCase(expected)) {
            Files.deleteIfExists(part);
            throw new ModelException("The downloaded speech model " + name + " is damaged (checksum " + actual
                    + ", expected " + expected + "); it was deleted. Try again.", true);
        }
    }

    static String digest(Path file, String algorithm) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Object lockFor(String name) {
        return locks.computeIfAbsent(name, key -> new Object());
    }
}

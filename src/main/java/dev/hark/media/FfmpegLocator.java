package dev.hark.media;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ffmpeg and ffprobe executables inside the bytedeco Maven artifact (javacpp unpacks
 * them into its cache) and makes sure they start.
 *
 * <p>Why the library shim: the 7.1.1-1.5.12 artifact ships {@code libva.so} and
 * {@code libva-drm.so} under their bare names, while ffmpeg asks for their sonames
 * ({@code libva.so.2}). Inside the JVM javacpp loads them by file name, so it works there; a
 * child process fails with "error while loading shared libraries". We run {@code ffmpeg
 * -version}, and for each library the dynamic linker names as missing we link the soname to the
 * bundled file in a private temporary folder and put that folder on {@code LD_LIBRARY_PATH}.
 * Nothing in javacpp's shared cache is changed.
 */
final class FfmpegLocator {

    private static final Logger log = LoggerFactory.getLogger(FfmpegLocator.class);
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("error while loading shared libraries: ([A-Za-z0-9_.+-]+\\.so[0-9.]*): cannot open");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\.[0-9]+$");
    private static final int MAX_SHIMS = 8;

    private FfmpegLocator() {
    }

    /** Unpacks (first time only) and checks the bundled binaries. Takes about half a second the first time. */
    static FfmpegBinaries bundled() throws MediaException, InterruptedException {
        Path ffmpeg;
        Path ffprobe;
        try {
            ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        } catch (RuntimeException | LinkageError e) {
            log.warn("Cannot unpack the bundled ffmpeg: {}", e.toString());
            throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE,
                    "The ffmpeg bundled with Hark is not available for this platform.", e);
        }
        return new FfmpegBinaries(ffmpeg, ffprobe, environmentThatStarts(ffmpeg));
    }

    /** The environment additions under which {@code ffmpeg -version} succeeds. */
    static Map<String, String> environmentThatStarts(Path ffmpeg) throws MediaException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        Path shim = null;
        for (int i = 0; i <= MAX_SHIMS; i++) {
            ProcessRun run = tryVersion(ffmpeg, environment);
            if (run.exitCode() == 0) {
                return environment;
            }
            String stderr = String.join("\n", run.stderr());
            Matcher missing = MISSING_LIBRARY.matcher(stderr);
            Path bundled = missing.find() ? unversioned(ffmpeg.getParent(), missing.group(1)) : null;
            if (bundled == null) {
                log.warn("The bundled ffmpeg does not start (exit {}): {}", run.exitCode(), stderr);
                throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE,
                        "The ffmpeg bundled with Hark does not start on this machine.");
            }
            try {
                if (shim == null) {
                    shim = Files.createTempDirectory("hark-ffmpeg-libs");
                    shim.toFile().deleteOnExit();
                    String existing = System.getenv("LD_LIBRARY_PATH");
                    environment.put("LD_LIBRARY_PATH", existing == null || existing.isBlank()
                            ? shim.toString() : shim + File.pathSeparator + existing);
                }
                Path link = shim.resolve(missing.group(1));
                Files.createSymbolicLink(link, bundled);
                link.toFile().deleteOnExit();
                log.debug("Linked {} to {} for the bundled ffmpeg", link, bundled);
            } catch (IOException e) {
                throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE,
                        "The ffmpeg bundled with Hark cannot be prepared: " + e.getMessage(), e);
            }
        }
        throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE,
                "The ffmpeg bundled with Hark misses too many libraries to start.");
    }

    private static ProcessRun tryVersion(Path ffmpeg, Map<String, String> environment)
            throws MediaException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(ffmpeg.toString(), "-hide_banner", "-version"));
        builder.environment().putAll(environment);
        try {
            return ProcessRun.run(builder, Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new MediaException(MediaException.Reason.DECODER_UNAVAILABLE,
                    "The ffmpeg bundled with Hark cannot be started: " + e.getMessage(), e);
        }
    }

    /** {@code libva.so.2} → the bundled {@code libva.so} (or {@code libx.so.1} for {@code libx.so.1.2}), if there is one. */
    private static Path unversioned(Path folder, String soname) {
        String name = soname;
        while (VERSION_SUFFIX.matcher(name).find()) {
            name = VERSION_SUFFIX.matcher(name).replaceFirst("");
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

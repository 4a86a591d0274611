package dev.hark.media;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the ffmpeg and ffprobe executables are, and what must be added to the environment of
 * every process started from them (a library path, see {@link FfmpegLocator}).
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    public FfmpegBinaries {
        environment = Map.copyOf(environment);
    }
}

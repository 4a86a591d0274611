package dev.hark.media;

import java.util.List;
import java.util.Locale;

/** Turns ffmpeg's last stderr lines into one of a few plain sentences. Pure. */
final class FfmpegErrors {

    private FfmpegErrors() {
    }

    static MediaException classify(AudioSource source, List<String> stderr) {
        String text = String.join("\n", stderr).toLowerCase(Locale.ROOT);
        String name = source.displayName();
        if (text.contains("no such file or directory")) {
            return new MediaException(MediaException.Reason.NOT_FOUND, name + " does not exist.");
        }
        if (text.contains("matches no streams") || text.contains("does not contain any stream")
                || text.contains("output file does not contain any stream")) {
            return new MediaException(MediaException.Reason.NO_AUDIO, name + " has no audio track.");
        }
        if (source instanceof AudioSource.Url && unreachable(text)) {
            return new MediaException(MediaException.Reason.UNREACHABLE,
                    "The publisher's server did not deliver " + name + ".");
        }
        return new MediaException(MediaException.Reason.UNREADABLE,
                name + " is not audio Hark can read: the file is damaged or in an unsupported format.");
    }

    private static boolean unreachable(String text) {
        return text.contains("server returned") || text.contains("http error") || text.contains("connection refused")
                || text.contains("connection timed out") || text.contains("timed out") || text.contains("failed to resolve")
                || text.contains("network is unreachable") || text.contains("connection reset")
                || text.contains("end of file") || text.contains("i/o error");
    }
}

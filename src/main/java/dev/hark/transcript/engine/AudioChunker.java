package dev.hark.transcript.engine;

import dev.hark.media.AudioSource;
import dev.hark.media.Ffmpeg;
import dev.hark.media.MediaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Cuts audio into files an endpoint with an upload limit accepts. A file under the limit is
 * sent as it is. Otherwise it is re-encoded to mono 16 kHz 32 kb/s MP3 (about 14 MB an hour,
 * plenty for speech recognition); if that is still too big, the original is cut by time into
 * equal pieces, each encoded the same way ({@code -ss} before the input seeks exactly in
 * current ffmpeg), so that each piece starts where its offset says. Thread-safe.
 */
final class AudioChunker {

    /** A piece of audio and where it starts in the episode, in seconds. */
    record Chunk(Path file, double offset) {
    }

    /** Leaves room for container headers and the bit-rate wobble of the encoder. */
    private static final double MARGIN = 0.9;
    private static final Duration FFMPEG_TIMEOUT = Duration.ofMinutes(30);
    private static final List<String> SPEECH_MP3 = List.of("-vn", "-sn", "-dn", "-ac", "1", "-ar", "16000",
            "-c:a", "libmp3lame", "-b:a", "32k");

    private final Ffmpeg ffmpeg;

    AudioChunker(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Chunks of {@code audio}, each at most {@code maxBytes}, in order; new files go into {@code workDir}. */
    List<Chunk> chunks(Path audio, long maxBytes, Path workDir) throws TranscriptionException, InterruptedException {
        try {
            if (Files.size(audio) <= maxBytes) {
                return List.of(new Chunk(audio, 0));
            }
            Path compact = workDir.resolve("compact-" + maxBytes + ".mp3");
            ffmpeg.run(command(audio, null, null, compact), FFMPEG_TIMEOUT);
            long size = Files.size(compact);
            if (size <= maxBytes) {
                return List.of(new Chunk(compact, 0));
            }
            // the original's duration, and pieces cut from it: the MP3's own duration includes encoder padding
            OptionalDouble probed = ffmpeg.probeDuration(AudioSource.of(audio));
            if (probed.isEmpty()) {
                probed = ffmpeg.probeDuration(AudioSource.of(compact));
            }
            if (probed.isEmpty()) {
                throw new TranscriptionException("Hark could not tell how long the audio is, so it cannot cut it to the "
                        + "transcription service's size limit.", false);
            }
            double duration = probed.getAsDouble();
            int pieces = (int) Math.ceil(size / (maxBytes * MARGIN));
            double length = duration / pieces;
            List<Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < pieces; i++) {
                double start = i * length;
                // the last piece runs to the end, so rounding loses nothing
                Double cut = i == pieces - 1 ? null : length;
                Path piece = workDir.resolve("piece-" + maxBytes + "-" + i + ".mp3");
                ffmpeg.run(command(audio, start, cut, piece), FFMPEG_TIMEOUT);
                if (Files.size(piece) > maxBytes) {
                    throw new TranscriptionException("Hark could not cut the audio into pieces small enough for the "
                            + "transcription service's size limit.", false);
                }
                chunks.add(new Chunk(piece, start));
            }
            return chunks;
        } catch (MediaException e) {
            throw new TranscriptionException("Hark could not prepare the audio for the transcription service: "
                    + e.getMessage(), false, e);
        } catch (IOException e) {
            throw new TranscriptionException("Hark could not read or write the audio it sends for transcription.", false, e);
        }
    }

    private static List<String> command(Path input, Double start, Double length, Path output) {
        List<String> command = new ArrayList<>(List.of("-y"));
        if (start != null && start > 0) {
            command.addAll(List.of("-ss", seconds(start)));
        }
        if (length != null) {
            command.addAll(List.of("-t", seconds(length)));
        }
        // "file:" keeps a name that starts with "-" or looks like a protocol from being read as one
        command.addAll(List.of("-i", "file:" + input.toAbsolutePath()));
        command.addAll(SPEECH_MP3);
        command.add("file:" + output.toAbsolutePath());
        return command;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}

package dev.hark.media;

import dev.hark.library.Episode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where an episode's audio is read from for decoding: the downloaded file when it is complete
 * and in place, else the enclosure address. Shared by every job that decodes episodes
 * (silence maps, transcription). Thread-safe.
 */
public final class EpisodeAudio {

    private final DownloadRepository downloads;
    private final MediaStore store;
    private final Ffmpeg ffmpeg;

    public EpisodeAudio(DownloadRepository downloads, MediaStore store, Ffmpeg ffmpeg) {
        this.downloads = downloads;
        this.store = store;
        this.ffmpeg = ffmpeg;
    }

    /** The downloaded file when complete and in place, else the enclosure address. */
    public AudioSource source(Episode episode) throws MediaException {
        Optional<Path> file = downloads.find(episode.id())
                .filter(Download::complete)
                .flatMap(download -> store.existing(download.path()));
        if (file.isPresent()) {
            return AudioSource.of(file.get());
        }
        try {
            return AudioSource.of(new URI(episode.mediaUrl().strip()));
        } catch (URISyntaxException e) {
            throw new MediaException(MediaException.Reason.NOT_FOUND,
                    "The episode's media address is not a valid URL: " + episode.mediaUrl());
        }
    }

    /** Seconds of audio, for progress. Probing a URL would fetch it twice; the feed's duration is close enough. */
    public double duration(AudioSource source, Episode episode) throws MediaException, InterruptedException {
        if (source instanceof AudioSource.File) {
            OptionalDouble probed = ffmpeg.probeDuration(source);
            if (probed.isPresent()) {
                return probed.getAsDouble();
            }
        }
        return episode.duration() == null ? 0 : episode.duration();
    }
}

package dev.hark.chapters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Stores the chapters inside a downloaded media file (ID3 CHAP frames) for an episode, unless it
 * has better ones already ({@link ChapterChoice}): a publisher's JSON or Podlove file wins, show
 * notes lose. What the "chapters" job recorded about the episode's chapters URL is kept, so the
 * job still fetches a new URL when the feed gives one. Thread-safe.
 */
public final class MediaFileChapters {

    private final ChapterRepository chapters;
    private final Clock clock;

    public MediaFileChapters(ChapterRepository chapters, Clock clock) {
        this.chapters = chapters;
        this.clock = clock;
    }

    /**
     * Reads the file's ID3 chapters and stores them if they are the better choice.
     *
     * @return the chapters now stored for the episode, empty when the file has none and nothing
     *         else is stored
     * @throws ChaptersException when the file's ID3 tag is malformed
     */
    public Optional<Chapters> importFrom(long episodeId, Path file) throws IOException, ChaptersException {
        Chapters found;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            found = Id3Chapters.read(in);
        }
        Optional<Chapters> stored = chapters.find(episodeId);
        if (found.isEmpty()) {
            return stored;
        }
        if (!ChapterChoice.better(stored, found).equals(found)) {
            return stored; // a publisher's file, or an equal reading stored before
        }
        ChapterRepository.Status status = chapters.statuses(List.of(episodeId)).get(episodeId);
        chapters.save(episodeId, found, status == null ? null : status.url(), status == null ? null : status.fileError(),
                clock.instant());
        return Optional.of(found);
    }
}

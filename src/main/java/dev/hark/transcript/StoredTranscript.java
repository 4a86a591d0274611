package dev.hark.transcript;

import java.time.Instant;
import java.util.Objects;

/**
 * An episode's transcript as stored.
 *
 * @param source    {@value #PUBLISHER}, or the name of the engine that made it
 * @param format    the format it was read from, or null when Hark made it
 * @param language  its language (e.g. "en"), or null when unknown
 * @param createdAt when it was saved
 */
public record StoredTranscript(long episodeId, String source, TranscriptFormat format, String language,
                               Transcript transcript, Instant createdAt) {

    /** The source of a transcript fetched from the feed's {@code <podcast:transcript>} link. */
    public static final String PUBLISHER = "publisher";

    public StoredTranscript {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(createdAt, "createdAt");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must name the publisher or an engine");
        }
    }
}

package dev.hark.media;

import java.time.Instant;

/**
 * An episode's file on disk, complete or on its way.
 *
 * @param path         relative to the media folder ({@link MediaStore})
 * @param bytes        bytes on disk: the whole file once complete, else the partial file's size at the last update
 * @param totalBytes   the whole file's length as the server gave it, or null
 * @param mediaType    the Content-Type the server sent, or null
 * @param etag         the validator sent as If-Range when resuming, or null
 * @param lastModified the other validator, used when there is no ETag, or null
 * @param completedAt  null until the file is complete under its final name
 */
public record Download(long episodeId, String path, long bytes, Long totalBytes, String mediaType, String etag,
                       String lastModified, Instant startedAt, Instant updatedAt, Instant completedAt) {

    public boolean complete() {
        return completedAt != null;
    }
}

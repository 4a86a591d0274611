/**
 * Episode media: downloads with resume ({@link dev.hark.media.DownloadJob}), what to keep on disk
 * ({@link dev.hark.media.DownloadPolicy}), decoding through the ffmpeg that ships in a Maven
 * artifact ({@link dev.hark.media.Ffmpeg}), silence maps for skipping pauses, and byte ranges for
 * serving audio. Depends on library and jobs; must not depend on web or cli.
 */
package dev.hark.media;

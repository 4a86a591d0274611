/**
 * Chapters of an episode: the publisher's JSON chapters file (Podcasting 2.0 or Podlove), ID3
 * CHAP frames in the downloaded media file, or a timestamp list in the show notes; pure readers,
 * the choice between them ({@code ChapterChoice}), their storage and the "chapters" job.
 * Must not depend on {@code web} or {@code cli}; readers never touch the network or the database.
 */
package dev.hark.chapters;

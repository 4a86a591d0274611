/**
 * Finding podcasts to subscribe to in public directories: the iTunes Search API and, when the
 * user has a key, the Podcast Index. {@link dev.hark.directory.DirectorySearch} asks them at once
 * and merges their answers. Must not touch the library or the database; subscribing is
 * {@code refresh}'s job.
 */
package dev.hark.directory;

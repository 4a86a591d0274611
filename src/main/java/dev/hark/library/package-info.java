/**
 * The podcast library: domain records (Podcast, Episode, PlayState), repositories over SQLite
 * (Jdbi) and schema migrations (Flyway). Must not know about HTTP, HTML or the CLI.
 */
package dev.hark.library;

/**
 * Podcast feeds: RSS 2.0 / Atom / iTunes / Podcasting 2.0 parsing (pure, streaming StAX),
 * OPML reading and writing, and {@link dev.hark.feed.FeedFetcher} for HTTP.
 * Must not touch the database or know about the library.
 */
package dev.hark.feed;

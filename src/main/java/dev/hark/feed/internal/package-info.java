/**
 * How {@link dev.hark.feed.FeedParser} works inside: input repair, the event loop, element rules
 * and value parsers. Only {@code dev.hark.feed} may use these classes; they are public solely
 * because Java has no "friend" packages, and may change at any time.
 */
package dev.hark.feed.internal;

/**
 * How the directory clients work inside: HTTP with a deadline, response parsing (pure), the
 * Podcast Index signature, feed URL keys and merging. Only {@code dev.hark.directory} may use these
 * classes; they are public solely because Java has no "friend" packages, and may change at any time.
 */
package dev.hark.directory.internal;

/**
 * Keeping subscriptions current: fetch a feed, parse it, merge it into the library, and
 * schedule the next check (with backoff after failures). Joins {@code feed} and
 * {@code library}, which must not know each other's I/O.
 */
package dev.hark.refresh;

package dev.hark.directory;

import java.time.Duration;

/**
 * One podcast directory that can be searched by text. Implementations are thread-safe.
 * The set is closed: each is a client for a real service, tested against a stand-in that speaks
 * its protocol on loopback.
 */
public sealed interface DirectorySource permits ItunesSearch, PodcastIndexSearch {

    /** The most results one directory is asked for (iTunes allows no more). */
    int MAX_LIMIT = 200;

    /** The value of {@link DirectoryResult#source()} for this directory, e.g. "itunes". */
    String id();

    /** The directory's name for people, used in notices, e.g. "iTunes". */
    String name();

    /**
     * Asks the directory, waiting at most {@code timeout} for the whole answer.
     *
     * @param query   the search text, already checked: stripped, not blank
     * @param limit   at most this many results, 1 to {@link #MAX_LIMIT}
     * @return never null; every failure of the network or the service is a {@link SourceResult.Failed}
     * @throws InterruptedException when the calling thread is interrupted; the request is abandoned
     */
    SourceResult search(String query, int limit, Duration timeout) throws InterruptedException;
}

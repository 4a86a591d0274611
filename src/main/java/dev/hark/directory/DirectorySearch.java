package dev.hark.directory;

import dev.hark.directory.internal.ResultMerger;
import dev.hark.directory.internal.SourceFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Searches every configured directory at once, each on its own virtual thread, and merges the
 * answers: each directory's order is kept, the lists are interleaved, and a feed listed twice
 * appears once (see {@link ResultMerger}). A directory that fails or is slow costs only its own
 * results and adds a notice; the search as a whole never fails except for a bad query.
 *
 * <pre>{@code
 * HttpClient client = HttpClient.newBuilder()
 *         .followRedirects(HttpClient.Redirect.NORMAL)
 *         .connectTimeout(Duration.ofSeconds(3))
 *         .build();
 * var search = new DirectorySearch(List.of(
 *         new PodcastIndexSearch(client, PodcastIndexSearch.DEFAULT_BASE, credentials, userAgent, Clock.systemUTC()),
 *         new ItunesSearch(client, ItunesSearch.DEFAULT_BASE, userAgent)),
 *         DirectorySearch.DEFAULT_TIMEOUT);
 * SearchOutcome outcome = search.search("history of rome", 20);
 * }</pre>
 *
 * <p>Thread-safe: share one instance; searches do not wait for one another.
 */
public final class DirectorySearch {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Longer than any sensible search; a directory needs no more to find a podcast by name. */
    public static final int MAX_QUERY_LENGTH = 200;
    public static final String NO_DIRECTORY = "No podcast directory is enabled";
    public static final String CANCELLED = "The search was cancelled";

    private static final Logger log = LoggerFactory.getLogger(DirectorySearch.class);
    // Each directory enforces the limit itself; this margin only stops a bug from holding the caller.
    private static final Duration MARGIN = Duration.ofMillis(250);

    private final List<DirectorySource> sources;
    private final Duration timeout;

    /**
     * @param sources the directories to ask, most relevant first: it decides who wins a tie in
     *                the merge and the order of notices; empty means every search gives
     *                {@link #NO_DIRECTORY}
     * @param timeout how long a search may take in all; every directory gets all of it, at once
     */
    public DirectorySearch(List<DirectorySource> sources, Duration timeout) {
        this.sources = List.copyOf(sources);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /**
     * Searches all directories for {@code query}, at most the timeout from now.
     *
     * <p>If the calling thread is interrupted, the search stops at once, keeps the interrupt
     * flag set and returns what had arrived, with the notice {@link #CANCELLED}.
     *
     * @param limit the most results wanted, 1 to {@link DirectorySource#MAX_LIMIT}; each directory
     *              is asked for this many, and the merged list is cut to it
     * @throws InvalidQueryException when the query is blank or longer than {@link #MAX_QUERY_LENGTH}
     */
    public SearchOutcome search(String query, int limit) {
        String term = checkQuery(query);
        if (limit < 1 || limit > DirectorySource.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + DirectorySource.MAX_LIMIT + ", was " + limit);
        }
        if (sources.isEmpty()) {
            return new SearchOutcome(List.of(), List.of(NO_DIRECTORY));
        }
        long deadline = System.nanoTime() + timeout.plus(MARGIN).toNanos();
        List<FutureTask<SourceResult>> tasks = new ArrayList<>();
        for (DirectorySource source : sources) {
            FutureTask<SourceResult> task = new FutureTask<>(() -> source.search(term, limit, timeout));
            Thread.ofVirtual().name("hark-directory-" + source.id()).start(task);
            tasks.add(task);
        }
        List<List<DirectoryResult>> found = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        try {
            for (int i = 0; i < tasks.size(); i++) {
                switch (await(tasks.get(i), sources.get(i), deadline)) {
                    case SourceResult.Found answer -> found.add(answer.results());
                    case SourceResult.Failed failure -> {
                        log.info("Directory search: {}", failure.notice()); // not the query: it is the user's
                        notices.add(failure.notice());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notices.add(CANCELLED);
        } finally {
            tasks.forEach(task -> task.cancel(true));
        }
        return new SearchOutcome(ResultMerger.merge(found, limit), notices);
    }

    private SourceResult await(FutureTask<SourceResult> task, DirectorySource source, long deadline)
            throws InterruptedException {
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return SourceFailure.timeout(timeout).toResult(source.name());
        } catch (ExecutionException e) {
            // Sources turn every expected failure into a result; this is a bug, logged once with its trace.
            log.warn("Directory search in {} failed unexpectedly", source.name(), e.getCause());
            return new SourceResult.Failed(source.name(), SourceError.UNEXPECTED, null);
        }
    }

    /** The query as sent: control characters made spaces, runs of spaces one, ends stripped. */
    static String checkQuery(String query) {
        String term = query == null ? "" : query.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (term.isEmpty()) {
            throw new InvalidQueryException("Type a podcast name or topic to search for");
        }
        if (term.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("The search is too long; use at most " + MAX_QUERY_LENGTH + " characters");
        }
        return term;
    }
}

package dev.hark.cli;

import dev.hark.feed.FeedFetcher;
import dev.hark.feed.FeedJson;
import dev.hark.feed.FeedParser;
import dev.hark.feed.FetchLimits;
import dev.hark.feed.FetchResult;
import dev.hark.feed.ParsedFeed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code hark feed ...}: work with a feed without subscribing. */
@Command(name = "feed", description = "Work with a feed without subscribing.", subcommands = FeedCommand.Parse.class)
final class FeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code hark feed parse FILE|URL}: the normalised JSON of a feed (contract in ARCHITECTURE.md). */
    @Command(name = "parse", description = "Print a feed as normalised JSON.")
    static final class Parse implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE|URL", description = "A feed file, or an http(s) address.")
        String source;

        @Override
        public Integer call() throws Exception {
            ParsedFeed feed;
            FeedParser parser = new FeedParser();
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                FetchResult result;
                try (FeedFetcher fetcher = new FeedFetcher(FetchLimits.defaults())) {
                    result = fetcher.fetch(source, null, null);
                }
                feed = switch (result) {
                    case FetchResult.Fetched body -> parser.parse(body.body(), body.finalUrl());
                    case FetchResult.Failed failed -> throw new BadInputException(failed.message());
                    case FetchResult.Gone gone -> throw new BadInputException("The publisher removed this feed (410 Gone)");
                    case FetchResult.NotModified notModified -> throw new BadInputException("The server answered 304 to a plain request");
                };
            } else {
                Path file = Path.of(source);
                try (InputStream in = Files.newInputStream(file)) {
                    feed = parser.parse(in, null);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(new FeedJson().toJson(feed));
            out.flush();
            return 0;
        }
    }
}

package dev.hark.cli;

/** Tiny feeds written inline for CLI tests. */
final class FeedRefresherTestFeeds {

    static final String SMALL = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Small show</title>"
            + "<item><title>One</title><guid>one</guid><enclosure url=\"https://media.example/1.mp3\" "
            + "type=\"audio/mpeg\" length=\"1\"/></item></channel></rss>";

    private FeedRefresherTestFeeds() {
    }
}

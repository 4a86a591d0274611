package dev.hark.refresh;

/**
 * What refreshing one podcast came to. {@link #line()} is the one-line form stored as the
 * job result; its first word is always the outcome ({@code updated}, {@code unchanged},
 * {@code gone}, {@code failed}), so a summary can be tallied from stored results.
 */
public sealed interface RefreshResult {

    long podcastId();

    String title();

    /** One line for the user, starting with the outcome keyword. */
    String line();

    /** The feed was read and merged. {@code movedTo} is the new address when the feed moved. */
    record Updated(long podcastId, String title, int newEpisodes, int episodes, String movedTo) implements RefreshResult {
        @Override
        public String line() {
            return "updated: " + newEpisodes + " new episode" + (newEpisodes == 1 ? "" : "s") + ": " + title
                    + (movedTo == null ? "" : " (moved to " + movedTo + ")");
        }
    }

    /** 304 Not Modified, or the same bytes as last time. */
    record Unchanged(long podcastId, String title) implements RefreshResult {
        @Override
        public String line() {
            return "unchanged: " + title;
        }
    }

    /** The server answered 410 Gone; the podcast is no longer refreshed. */
    record Gone(long podcastId, String title) implements RefreshResult {
        @Override
        public String line() {
            return "gone: " + title + ": the publisher removed this feed (410)";
        }
    }

    /** The feed could not be fetched or read; {@code reason} is one plain sentence. */
    record Failed(long podcastId, String title, String reason) implements RefreshResult {
        @Override
        public String line() {
            return "failed: " + title + ": " + reason;
        }
    }

}

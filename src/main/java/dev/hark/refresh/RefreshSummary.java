package dev.hark.refresh;

import java.util.ArrayList;
import java.util.List;

/**
 * Tallies refresh outcomes from stored result lines ({@link RefreshResult#line()}), for the
 * one-line summary after a refresh. Pure.
 *
 * @param failures the failed lines, each "title: reason"
 */
public record RefreshSummary(int feeds, int updated, int newEpisodes, int unchanged, int gone, List<String> failures) {

    /**
     * @param lines result lines; null stands for a refresh that did not finish (cancelled or crashed)
     */
    public static RefreshSummary of(List<String> lines) {
        int updated = 0;
        int newEpisodes = 0;
        int unchanged = 0;
        int gone = 0;
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            if (line == null) {
                failures.add("a refresh did not finish");
            } else if (line.startsWith("updated: ")) {
                updated++;
                String rest = line.substring("updated: ".length());
                int space = rest.indexOf(' ');
                try {
                    newEpisodes += Integer.parseInt(rest.substring(0, space));
                } catch (RuntimeException e) {
                    // a line from an older format: still an update
                }
            } else if (line.startsWith("unchanged: ")) {
                unchanged++;
            } else if (line.startsWith("gone: ")) {
                gone++;
            } else {
                failures.add(line.startsWith("failed: ") ? line.substring("failed: ".length()) : line);
            }
        }
        return new RefreshSummary(lines.size(), updated, newEpisodes, unchanged, gone, List.copyOf(failures));
    }

    /** "Refreshed 12 feeds: 5 new episodes in 3 updated feeds, 8 unchanged, 1 failed." */
    public String sentence() {
        StringBuilder text = new StringBuilder("Refreshed ").append(feeds).append(feeds == 1 ? " feed: " : " feeds: ")
                .append(newEpisodes).append(newEpisodes == 1 ? " new episode" : " new episodes");
        if (updated > 0) {
            text.append(" in ").append(updated).append(updated == 1 ? " updated feed" : " updated feeds");
        }
        text.append(", ").append(unchanged).append(" unchanged, ").append(failures.size()).append(" failed");
        if (gone > 0) {
            text.append(", ").append(gone).append(" gone");
        }
        return text.append('.').toString();
    }
}

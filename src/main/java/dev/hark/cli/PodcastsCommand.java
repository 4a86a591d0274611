package dev.hark.cli;

import dev.hark.library.Podcast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hark podcasts}: the subscriptions. */
@Command(name = "podcasts", description = "List subscriptions.")
final class PodcastsCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print [{\"id\",\"title\",\"url\"}].")
    boolean json;

    @Override
    public Integer call() {
        var hark = root.hark();
        List<Podcast> podcasts = hark.podcasts.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(podcasts.stream().map(p -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                row.put("title", p.title());
                row.put("url", p.feedUrl());
                return row;
            }).toList()));
            return 0;
        }
        if (podcasts.isEmpty()) {
            out.println("No subscriptions yet. Add one with: hark add URL");
            return 0;
        }
        Map<Long, Integer> counts = hark.episodes.countsByPodcast();
        for (Podcast p : podcasts) {
            String state = p.status() == Podcast.Status.GONE ? "  [gone]"
                    : p.lastError() != null ? "  [last refresh failed: " + p.lastError() + "]" : "";
            out.printf("%5d  %-50s %5d episodes%s%n", p.id(), Text.fit(p.displayTitle(), 50),
                    counts.getOrDefault(p.id(), 0), state);
        }
        return 0;
    }
}

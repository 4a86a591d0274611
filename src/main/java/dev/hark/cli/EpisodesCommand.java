package dev.hark.cli;

import dev.hark.library.Episode;
import dev.hark.library.Podcast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hark episodes PODCAST}: a podcast's episodes, newest first. */
@Command(name = "episodes", description = "List a podcast's episodes, newest first.")
final class EpisodesCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PODCAST", description = "Podcast id, feed URL, or part of its title.")
    String podcast;

    @Option(names = "--json", description = "Print [{\"id\",\"title\",\"published\",\"duration\",\"transcript\"}].")
    boolean json;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Show at most N episodes (default: all).")
    Integer limit;

    @Override
    public Integer call() {
        var hark = root.hark();
        Podcast p = hark.podcasts.resolve(podcast);
        List<Episode> episodes = hark.episodes.listByPodcast(p.id());
        if (limit != null && limit >= 0 && limit < episodes.size()) {
            episodes = episodes.subList(0, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(episodes.stream().map(e -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", e.id());
                row.put("title", e.title());
                row.put("published", e.published());
                row.put("duration", e.duration());
                row.put("transcript", e.transcriptSource());
                return row;
            }).toList()));
            return 0;
        }
        out.println(p.displayTitle() + " — " + episodes.size() + " episodes");
        for (Episode e : episodes) {
            out.printf("%6d  %-10s %8s  %s%n", e.id(), Text.date(e.published()), Text.duration(e.duration()),
                    e.title() == null ? "(untitled)" : e.title());
        }
        return 0;
    }
}

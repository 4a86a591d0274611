package dev.hark.cli;

import dev.hark.feed.OpmlEntry;
import dev.hark.feed.OpmlReader;
import dev.hark.jobs.Job;
import dev.hark.jobs.JobRunner;
import dev.hark.refresh.RefreshJob;
import dev.hark.refresh.Subscriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hark import FILE}: subscribe to every feed in an OPML export. */
@Command(name = "import", description = "Import subscriptions from an OPML file (Apple Podcasts, Pocket Casts, AntennaPod, Overcast).")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Option(names = "--no-refresh", description = "Only queue the first refresh of each feed; 'hark jobs wait' runs it.")
    boolean noRefresh;

    @Override
    public Integer call() throws Exception {
        List<OpmlEntry> entries;
        try (InputStream in = Files.newInputStream(file)) {
            entries = new OpmlReader().read(in);
        }
        var hark = root.hark();
        Subscriptions.Imported imported = hark.subscriptions.importOpml(entries);
        var out = spec.commandLine().getOut();
        out.println("Imported " + imported.added().size() + " new podcast" + (imported.added().size() == 1 ? "" : "s")
                + " (" + imported.alreadySubscribed() + " already subscribed"
                + (imported.skipped().isEmpty() ? "" : ", " + imported.skipped().size() + " skipped") + ")");
        imported.skipped().forEach(line -> out.println("  skipped " + line));
        if (!noRefresh && !imported.jobIds().isEmpty()) {
            List<Job> jobs;
            try (JobRunner runner = hark.runnerFor(RefreshJob.KIND)) {
                jobs = JobProgress.await(runner, imported.jobIds(), "Reading feeds", JobProgress::describe, System.err);
            }
            out.println(RefreshCommand.summary(jobs));
        }
        return 0;
    }
}

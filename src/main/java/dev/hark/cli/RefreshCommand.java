package dev.hark.cli;

import dev.hark.jobs.Job;
import dev.hark.jobs.JobRunner;
import dev.hark.library.Podcast;
import dev.hark.refresh.RefreshJob;
import dev.hark.refresh.RefreshSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hark refresh [PODCAST...]}: re-read feeds now, with a progress bar and a summary. */
@Command(name = "refresh", description = "Refresh all feeds (or the ones named) now.")
final class RefreshCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PODCAST", arity = "0..*", description = "Podcast ids, feed URLs or title parts; default all.")
    List<String> podcasts = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var hark = root.hark();
        List<Podcast> targets = new ArrayList<>();
        if (podcasts.isEmpty()) {
            hark.podcasts.list().stream().filter(p -> p.status() == Podcast.Status.ACTIVE).forEach(targets::add);
        } else {
            for (String ref : podcasts) {
                targets.add(hark.podcasts.resolve(ref));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (targets.isEmpty()) {
            out.println("Nothing to refresh. Add a podcast with: hark add URL");
            return 0;
        }
        Map<String, String> titles = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (Podcast p : targets) {
            titles.put(Long.toString(p.id()), p.displayTitle());
            ids.add(RefreshJob.enqueue(hark.jobs, p.id(), hark.clock.instant()));
        }
        List<Job> jobs;
        // only refreshes here: the follow-up work they queue waits for 'hark serve' or 'hark jobs wait'
        try (JobRunner runner = hark.runnerFor(RefreshJob.KIND)) {
            jobs = JobProgress.await(runner, ids, "Refreshing",
                    job -> titles.getOrDefault(job.subject(), job.subject()), System.err);
        }
        RefreshSummary summary = summarise(jobs);
        out.println(summary.sentence());
        summary.failures().forEach(line -> out.println("  failed: " + line));
        return 0;
    }

    static RefreshSummary summarise(List<Job> jobs) {
        return RefreshSummary.of(jobs.stream().map(job -> job.state() == Job.State.DONE ? job.result()
                : job.error() != null ? "failed: " + job.subject() + ": " + job.error() : null).toList());
    }

    static String summary(List<Job> jobs) {
        return summarise(jobs).sentence();
    }
}

package dev.hark.cli;

import dev.hark.jobs.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hark jobs}: the background work queue. */
@Command(name = "jobs", description = "Show queued and running work.",
        subcommands = {JobsCommand.Wait.class, JobsCommand.Cancel.class})
final class JobsCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the live jobs as JSON.")
    boolean json;

    @Option(names = "--recent", paramLabel = "N", description = "Also show the N most recently finished jobs.")
    int recent;

    @Override
    public Integer call() {
        var hark = root.hark();
        List<Job> live = hark.jobs.live();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(live.stream().map(JobsCommand::row).toList()));
            return 0;
        }
        if (live.isEmpty()) {
            out.println("No queued or running jobs.");
        }
        Instant now = hark.clock.instant();
        for (Job job : live) {
            out.println(line(job, now));
        }
        if (recent > 0) {
            List<Job> finished = hark.jobs.recent(recent);
            if (!finished.isEmpty()) {
                out.println("Recently finished:");
                finished.forEach(job -> out.println(line(job, now)));
            }
        }
        return 0;
    }

    static String line(Job job, Instant now) {
        StringBuilder text = new StringBuilder(String.format("%6d  %-9s %-10s %s", job.id(),
                job.state().name().toLowerCase(java.util.Locale.ROOT), job.kind(), job.subject()));
        if (job.state() == Job.State.RUNNING) {
            if (job.progress() != null) {
                text.append(String.format("  %3d%%", Math.round(job.progress() * 100)));
            }
            if (job.message() != null) {
                text.append("  ").append(job.message());
            }
        } else if (job.state() == Job.State.QUEUED && job.runAfter().isAfter(now)) {
            text.append("  retry in ").append(Duration.between(now, job.runAfter()).toSeconds()).append(" s");
            if (job.error() != null) {
                text.append(" (last error: ").append(job.error()).append(')');
            }
        } else if (job.result() != null) {
            text.append("  ").append(job.result());
        } else if (job.error() != null) {
            text.append("  ").append(job.error());
        }
        return text.toString();
    }

    private static Map<String, Object> row(Job job) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", job.id());
        row.put("kind", job.kind());
        row.put("subject", job.subject());
        row.put("state", job.state().name().toLowerCase(java.util.Locale.ROOT));
        row.put("attempts", job.attempts());
        row.put("progress", job.progress());
        row.put("message", job.message());
        row.put("error", job.error());
        return row;
    }

    /** {@code hark jobs wait}: work the queue in this process until it is empty. */
    @Command(name = "wait", description = "Run queued work here, with a progress bar, until the queue is empty.")
    static final class Wait implements Callable<Integer> {

        @ParentCommand
        JobsCommand jobs;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var hark = jobs.root.hark();
            JobProgress.drain(hark, System.err);
            List<Job> failed = hark.jobs.recent(50).stream().filter(job -> job.state() == Job.State.FAILED).toList();
            spec.commandLine().getOut().println("The queue is empty." + (failed.isEmpty() ? ""
                    : " Recently failed: " + failed.size() + " (see 'hark jobs --recent 20')."));
            return 0;
        }
    }

    /** {@code hark jobs cancel ID}. */
    @Command(name = "cancel", description = "Cancel a queued or running job.")
    static final class Cancel implements Callable<Integer> {

        @ParentCommand
        JobsCommand jobs;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() throws Exception {
            var hark = jobs.root.hark();
            if (!hark.jobs.cancel(id, hark.clock.instant())) {
                throw new BadInputException("No queued or running job with id " + id);
            }
            spec.commandLine().getOut().println("Cancelled job " + id + ".");
            return 0;
        }
    }
}

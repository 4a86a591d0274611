package dev.hark.cli;

import dev.hark.app.Hark;
import dev.hark.jobs.Job;
import dev.hark.jobs.JobRunner;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Runs queued jobs in this process and shows their progress as a bar. */
final class JobProgress {

    private JobProgress() {
    }

    /**
     * Works the given jobs (this process joins any other runner on the same queue) until none
     * is live, drawing a bar labelled with what is running.
     */
    static List<Job> await(JobRunner runner, Collection<Long> ids, String title, Function<Job, String> label,
                           PrintStream err) throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), title);
        try {
            return runner.await(ids, jobs -> {
                int done = (int) jobs.stream().filter(job -> !job.state().live()).count();
                String now = jobs.stream().filter(job -> job.state() == Job.State.RUNNING).findFirst()
                        .map(label).orElse("");
                bar.update(done, jobs.size(), now);
            });
        } finally {
            bar.finish();
        }
    }

    /** Works every live job until the queue is empty. */
    static void drain(Hark hark, PrintStream err) throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), "Working");
        int[] seen = {0};
        try {
            hark.runner.drain(live -> {
                seen[0] = Math.max(seen[0], live.size());
                String now = live.stream().filter(job -> job.state() == Job.State.RUNNING).findFirst()
                        .map(JobProgress::describe).orElse("");
                bar.update(seen[0] - live.size(), seen[0], now);
            });
        } finally {
            bar.finish();
        }
    }

    /** "refresh 12: fetching (40%)". */
    static String describe(Job job) {
        StringBuilder text = new StringBuilder(job.kind()).append(' ').append(job.subject());
        if (job.message() != null) {
            text.append(": ").append(job.message());
        }
        if (job.progress() != null) {
            text.append(" (").append(Math.round(job.progress() * 100)).append("%)");
        }
        return text.toString();
    }
}

package dev.hark.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hark serve}: the long-running process. The web player is not built yet; for now it
 * runs the refresh schedule and the background job workers until stopped.
 */
@Command(name = "serve", description = "Run scheduled refresh and background jobs (the web player is not built yet).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var hark = root.hark();
        log.info("Starting with {}", hark.config.summary());
        hark.runner.start();
        hark.scheduler.start();
        spec.commandLine().getOut().println("Hark is running scheduled refresh (every "
                + hark.config.refreshInterval().toMinutes() + " min per feed) and background jobs. "
                + "The web player is not built yet. Press Ctrl-C to stop.");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            root.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}

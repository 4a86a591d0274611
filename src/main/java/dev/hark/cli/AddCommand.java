package dev.hark.cli;

import dev.hark.refresh.Subscriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code hark add URL}: subscribe to a feed and read it at once. */
@Command(name = "add", description = "Subscribe to a podcast feed.")
final class AddCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The feed address (http, https, feed: or pcast: links).")
    String url;

    @Override
    public Integer call() throws Exception {
        Subscriptions.Added added = root.hark().subscriptions.add(url);
        var out = spec.commandLine().getOut();
        if (added.alreadySubscribed()) {
            out.println("Already subscribed: " + added.podcast().displayTitle() + " (id " + added.podcast().id() + ")");
        } else {
            int count = root.hark().episodes.countByPodcast(added.podcast().id());
            out.println("Subscribed to " + added.podcast().displayTitle() + " (id " + added.podcast().id() + "), "
                    + count + " episode" + (count == 1 ? "" : "s"));
        }
        return 0;
    }
}

package dev.hark.cli;

import dev.hark.library.Podcast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code hark remove PODCAST}: unsubscribe. */
@Command(name = "remove", description = "Unsubscribe from a podcast (its episodes and their state go too).")
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PODCAST", description = "Podcast id, feed URL, or part of its title.")
    String podcast;

    @Override
    public Integer call() {
        var hark = root.hark();
        Podcast p = hark.podcasts.resolve(podcast);
        hark.podcasts.delete(p.id());
        spec.commandLine().getOut().println("Removed " + p.displayTitle() + " (id " + p.id() + ").");
        return 0;
    }
}

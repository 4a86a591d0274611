package dev.hark.cli;

import dev.hark.feed.OpmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code hark export}: subscriptions as OPML, for other podcast apps. */
@Command(name = "export", description = "Export subscriptions as OPML (to stdout, or a file with -o).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        var entries = root.hark().subscriptions.exportEntries();
        OpmlWriter writer = new OpmlWriter();
        if (output == null) {
            Writer out = spec.commandLine().getOut();
            writer.write("Hark subscriptions", entries, out);
            out.flush();
            return 0;
        }
        // write next to the target, then rename: a failed export never leaves half a file
        Path absolute = output.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".hark-export", ".opml");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write("Hark subscriptions", entries, out);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        spec.commandLine().getErr().println("Exported " + entries.size() + " podcasts to " + output);
        return 0;
    }
}

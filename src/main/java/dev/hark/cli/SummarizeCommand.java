package dev.hark.cli;

import dev.hark.ai.Bullet;
import dev.hark.ai.ExtractiveSummary;
import dev.hark.ai.Passage;
import dev.hark.ai.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hark summarize TRANSCRIPT_FILE [--json]}: "In this episode, we cover:" made from the
 * transcript alone (extractive, local). JSON is the contract's
 * {@code {"bullets":[{"text","start"}],"method"}}; unreadable input exits 2 with one
 * {@code error:} line.
 */
@Command(name = "summarize", description = "Summarise a transcript file in 3-7 bullets, locally.")
final class SummarizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TRANSCRIPT_FILE", description = "A transcript: WebVTT, SRT, JSON, HTML or text.")
    Path file;

    @Option(names = "--json", description = "Print JSON: {\"bullets\":[{\"text\",\"start\"}],\"method\"}.")
    boolean json;

    @Option(names = "--embedder", paramLabel = "NAME", defaultValue = "minilm",
            description = "minilm (all-MiniLM-L6-v2, default) or hashing (fast, words only).")
    String embedder;

    @Override
    public Integer call() throws Exception {
        List<Passage> passages = AiInput.passages(file);
        Summary summary = new ExtractiveSummary(AiInput.embedder(embedder)).summarize(passages);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(summary));
        } else {
            out.println("In this episode, we cover:");
            for (Bullet bullet : summary.bullets()) {
                out.println("- " + bullet.text() + " [" + Text.duration((long) bullet.start()) + "]");
            }
            out.println("(" + summary.method() + ")");
        }
        out.flush();
        return 0;
    }
}

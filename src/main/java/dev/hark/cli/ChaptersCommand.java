package dev.hark.cli;

import dev.hark.ai.Passage;
import dev.hark.ai.TopicChapter;
import dev.hark.ai.TopicChapters;
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
 * {@code hark chapters TRANSCRIPT_FILE [--json]}: chapters made from the transcript alone by
 * topic segmentation over passage embeddings (no publisher chapters). JSON is the contract's
 * {@code [{"start","title"}]}; unreadable input exits 2 with one {@code error:} line.
 */
@Command(name = "chapters", description = "Make chapters from a transcript file, locally.")
final class ChaptersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TRANSCRIPT_FILE", description = "A transcript: WebVTT, SRT, JSON, HTML or text.")
    Path file;

    @Option(names = "--json", description = "Print JSON: [{\"start\",\"title\"}].")
    boolean json;

    @Option(names = "--embedder", paramLabel = "NAME", defaultValue = "minilm",
            description = "minilm (all-MiniLM-L6-v2, default) or hashing (fast, words only).")
    String embedder;

    @Override
    public Integer call() throws Exception {
        List<Passage> passages = AiInput.passages(file);
        List<TopicChapter> chapters = new TopicChapters(AiInput.embedder(embedder)).chapters(passages);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(chapters));
        } else {
            for (TopicChapter chapter : chapters) {
                out.println(String.format("%8s  %s", Text.duration((long) chapter.start()), chapter.title()));
            }
        }
        out.flush();
        return 0;
    }
}

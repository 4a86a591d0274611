package dev.hark.cli;

import dev.hark.ai.Citation;
import dev.hark.ai.episode.EpisodeAsk;
import dev.hark.library.Episode;
import dev.hark.library.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hark ask EPISODE "question"}: answers from the episode's transcript, citing moments.
 * With a language model configured the answer streams as it is written; without one the
 * best-matching passages are printed, labelled as such.
 */
@Command(name = "ask", description = "Ask a question about an episode; the answer cites [mm:ss] moments.")
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    HarkCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EPISODE", description = "Episode id (see 'hark episodes PODCAST').")
    long episodeId;

    @Parameters(index = "1", paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(names = "--json", description = "Print {\"question\",\"answer\",\"citations\":[{\"start\",\"end\",\"text\",\"speaker\"}],\"method\",\"notice\"}.")
    boolean json;

    @Override
    public Integer call() throws BadInputException, InterruptedException {
        var hark = root.hark();
        Episode episode = hark.episodes.find(episodeId)
                .orElseThrow(() -> new NotFoundException("No episode with id " + episodeId));
        if (question == null || question.isBlank() || question.length() > EpisodeAsk.MAX_QUESTION) {
            throw new BadInputException(question == null || question.isBlank() ? "Ask a question."
                    : "The question is too long (at most " + EpisodeAsk.MAX_QUESTION + " characters).");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean[] streamed = {false};
        EpisodeAsk.Reply reply = hark.ask.ask(episode.id(), question, new EpisodeAsk.Listener() {
            @Override
            public void citations(List<Citation> citations) {
            }

            @Override
            public void text(String piece) {
                if (!json) {
                    out.print(piece);
                    out.flush();
                    streamed[0] = true;
                }
            }

            @Override
            public void restart() {
                if (!json) {
                    out.println();
                    out.println("(the language model failed; the best passages instead:)");
                }
            }
        });
        if (json) {
            out.println(Json.write(reply));
        } else {
            if (streamed[0]) {
                out.println();
            }
            out.println();
            out.println("Moments:");
            for (Citation citation : reply.citations()) {
                out.println("  [" + Text.duration((long) citation.start()) + "] "
                        + (citation.speaker() == null ? "" : citation.speaker() + ": ") + citation.text());
            }
            out.println("(" + (reply.method().startsWith("llm:") ? "answered by " + reply.method().substring(4)
                    : "no language model set up: best passages of the transcript") + ")");
            if (reply.notice() != null) {
                out.println(reply.notice());
            }
        }
        out.flush();
        return 0;
    }
}

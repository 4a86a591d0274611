package dev.hark.cli;

import dev.hark.ai.ChapterEval;
import dev.hark.ai.Embedder;
import dev.hark.ai.EpisodeEval;
import dev.hark.ai.PassageRetriever;
import dev.hark.ai.RetrievalEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hark eval [PATH...]}: how good the local chapters and retrieval are against
 * publisher chapters. Each PATH is a folder scanned for a transcript beside
 * {@code NAME.chapters.json}; with none, the bundled demo episode, the pairs under
 * {@code ../shared/fixtures}, and the synthetic set (fixture episodes back to back, scored
 * separately). PATHs holding no pair at all are bad input (exit 2); a folder among others
 * with none, or the default fixtures folder, only gets a note.
 */
@Command(name = "eval", description = "Measure local chapters and retrieval against publisher chapters.")
final class EvalCommand implements Callable<Integer> {

    static final Path DEFAULT_FIXTURES = Path.of("../shared/fixtures");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Folders holding transcripts, each beside NAME.chapters.json (Podcasting 2.0 or Podlove).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--embedder", paramLabel = "NAME", defaultValue = "minilm",
            description = "minilm (all-MiniLM-L6-v2, default) or hashing (fast, words only).")
    String embedder;

    @Option(names = "--fusion", paramLabel = "HOW", defaultValue = "weighted",
            description = "How retrieval fuses BM25 and embeddings: weighted (default) or rrf; bm25 or vectors "
                    + "for either alone.")
    String fusion;

    @Option(names = "--synthetic", paramLabel = "FOLDER",
            description = "Also run the synthetic set from this transcripts folder (default with no PATH: "
                    + "../shared/fixtures/transcripts).")
    Path synthetic;

    @Option(names = "--details", description = "List each question and where its hits were.")
    boolean details;

    @Override
    public Integer call() throws Exception {
        Embedder chosen = AiInput.embedder(embedder);
        PassageRetriever.Fusion how = switch (fusion.toLowerCase(Locale.ROOT)) {
            case "weighted" -> PassageRetriever.Fusion.WEIGHTED;
            case "rrf" -> PassageRetriever.Fusion.RRF;
            case "bm25" -> PassageRetriever.Fusion.BM25;
            case "vectors" -> PassageRetriever.Fusion.VECTORS;
            default -> throw new BadInputException("Unknown fusion \"" + fusion + "\": use weighted, rrf, bm25 or vectors");
        };
        List<EvalInputs.Episode> episodes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path syntheticFolder = synthetic;
        if (paths.isEmpty()) {
            episodes.add(EvalInputs.demo());
            if (Files.isDirectory(DEFAULT_FIXTURES)) {
                EvalInputs.Found found = EvalInputs.scan(DEFAULT_FIXTURES);
                episodes.addAll(found.episodes());
                notes.addAll(found.notes());
            } else {
                notes.add(DEFAULT_FIXTURES + " not found: run from the project folder to include the fixtures");
            }
            Path transcripts = DEFAULT_FIXTURES.resolve("transcripts");
            if (syntheticFolder == null && Files.isDirectory(transcripts)) {
                syntheticFolder = transcripts;
            }
        } else {
            for (Path path : paths) {
                EvalInputs.Found found = EvalInputs.scan(path);
                episodes.addAll(found.episodes());
                notes.addAll(found.notes());
            }
            if (episodes.isEmpty()) {
                throw new BadInputException(String.join("; ", notes));
            }
        }
        EpisodeEval eval = new EpisodeEval(chosen, how);
        List<EpisodeEval.Result> real = new ArrayList<>();
        for (EvalInputs.Episode episode : episodes) {
            real.add(eval.evaluate(episode.name(), episode.passages(), episode.reference(), episode.questions()));
        }
        List<EpisodeEval.Result> joined = new ArrayList<>();
        if (syntheticFolder != null) {
            EvalInputs.Episode set = EvalInputs.synthetic(syntheticFolder);
            joined.add(eval.evaluate(set.name(), set.passages(), set.reference(), set.questions()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report(chosen, how, real, joined, notes)));
        } else {
            EvalReport.print(out, chosen.name() + ", fusion " + how.name().toLowerCase(Locale.ROOT), real, joined, notes,
                    details);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> report(Embedder embedder, PassageRetriever.Fusion fusion,
                                              List<EpisodeEval.Result> real, List<EpisodeEval.Result> joined,
                                              List<String> notes) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("embedder", embedder.name());
        report.put("fusion", fusion.name().toLowerCase(Locale.ROOT));
        report.put("toleranceSeconds", ChapterEval.TOLERANCE_SECONDS);
        report.put("top", RetrievalEval.TOP);
        report.put("publisher", section("chapter titles", real));
        report.put("synthetic", joined.isEmpty() ? null : section("keyphrases of each episode", joined));
        report.put("notes", notes);
        return report;
    }

    private static Map<String, Object> section(String questions, List<EpisodeEval.Result> results) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("questions", questions);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (EpisodeEval.Result result : results) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("name", result.name());
            input.put("reference", result.reference());
            input.put("predicted", result.predicted());
            input.put("boundaries", result.boundaries());
            input.put("retrieval", result.retrieval());
            input.put("outcomes", result.outcomes());
            inputs.add(input);
        }
        section.put("inputs", inputs);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("boundaries", EvalReport.boundaries(results));
        total.put("retrieval", EvalReport.retrieval(results));
        section.put("total", total);
        return section;
    }
}

package dev.hark.cli;

import dev.hark.ai.ChapterEval;
import dev.hark.ai.EpisodeEval;
import dev.hark.ai.RetrievalEval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The table {@code hark eval} prints: one line per input, totals summed over inputs (micro-average). */
final class EvalReport {

    private static final String ROW = "%-52s %5s %5s %5s  %5s %5s %5s  %9s %5s %5s%n";

    private EvalReport() {
    }

    static ChapterEval.Score boundaries(List<EpisodeEval.Result> results) {
        return results.stream().map(EpisodeEval.Result::boundaries).reduce(ChapterEval.Score.of(0, 0, 0), ChapterEval.Score::plus);
    }

    static RetrievalEval.Score retrieval(List<EpisodeEval.Result> results) {
        return results.stream().map(EpisodeEval.Result::retrieval).reduce(RetrievalEval.Score.of(0, 0, 0), RetrievalEval.Score::plus);
    }

    static void print(PrintWriter out, String how, List<EpisodeEval.Result> real, List<EpisodeEval.Result> joined,
                      List<String> notes, boolean details) {
        out.printf(Locale.ROOT, "Evaluation with %s: boundaries within ±%.0f s (opening excluded), retrieval hit = "
                + "one of the top %d passages starts in the chapter.%n", how, ChapterEval.TOLERANCE_SECONDS, RetrievalEval.TOP);
        section(out, "Publisher chapters (questions: chapter titles)", real, details);
        if (!joined.isEmpty()) {
            section(out, "Synthetic (concatenated episodes; boundaries: the joins; questions: each episode's keyphrases)",
                    joined, details);
        }
        for (String note : notes) {
            out.println("note: " + note);
        }
    }

    private static void section(PrintWriter out, String title, List<EpisodeEval.Result> results, boolean details) {
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, ROW, "input", "found", "ref", "match", "P", "R", "F1", "retrieval", "rate", "MRR");
        for (EpisodeEval.Result result : results) {
            row(out, tail(result.name(), 52), result.boundaries(), result.retrieval());
            if (details) {
                for (RetrievalEval.Outcome outcome : result.outcomes()) {
                    out.printf(Locale.ROOT, "    %s %-40s [%s, %s) top: %s%n", outcome.hit() ? "hit " : "MISS",
                            Text.fit(outcome.question().text(), 40), clock(outcome.question().from()),
                            clock(outcome.question().to()),
                            String.join(" ", outcome.starts().stream().map(EvalReport::clock).toList()));
                }
            }
        }
        if (results.size() > 1) {
            row(out, "total", boundaries(results), retrieval(results));
        }
    }

    private static void row(PrintWriter out, String name, ChapterEval.Score b, RetrievalEval.Score r) {
        out.printf(Locale.ROOT, ROW, name, b.predicted(), b.reference(), b.matched(), two(b.precision()), two(b.recall()),
                two(b.f1()), r.hits() + "/" + r.questions(), two(r.hitRate()),
                two(r.meanReciprocalRank()));
    }

    /** The end of a long name, where file names differ. */
    private static String tail(String name, int width) {
        return name.length() <= width ? name : "…" + name.substring(name.length() - width + 1);
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String clock(double seconds) {
        long whole = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}

package dev.hark.cli;

import dev.hark.ai.EpisodeEval;
import dev.hark.ai.Passage;
import dev.hark.ai.RetrievalEval;
import dev.hark.chapters.Chapter;
import dev.hark.chapters.ChapterJsonReader;
import dev.hark.chapters.ChaptersException;
import dev.hark.demo.DemoPodcast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads what {@code hark eval} measures: episodes with publisher chapters (a
 * transcript beside {@code NAME.chapters.json}), the bundled demo episode, and the synthetic
 * set of fixture episodes played back to back.
 */
final class EvalInputs {

    static final String CHAPTERS_SUFFIX = ".chapters.json";

    /** Different episodes of different shows, so that the joins are real topic changes. */
    static final List<String> SYNTHETIC_PARTS = List.of("vtt-talkpython-554-voice-tags.vtt",
            "json-awsbites-100-speaker-labels.json", "vtt-buzzsprout-bom-voice-tags-2024.vtt",
            "vtt-talkpython-000-no-speakers.vtt");

    /** The synthetic set's name in reports: its parts' shows and episodes, in order. */
    static final String SYNTHETIC_NAME = "talkpython554+awsbites100+buzzsprout+talkpython000";

    private static final Set<String> TRANSCRIPT_EXTENSIONS = Set.of("vtt", "srt", "json", "html", "htm", "txt");
    private static final double SYNTHETIC_GAP_SECONDS = 2;

    /** An episode with reference chapters: its passages, chapter starts and the questions to ask. */
    record Episode(String name, List<Passage> passages, List<Double> reference, List<RetrievalEval.Question> questions) {
    }

    /** What a folder gave: the episodes read, and notes on what was skipped. */
    record Found(List<Episode> episodes, List<String> notes) {
    }

    private EvalInputs() {
    }

    static Episode demo() throws BadInputException {
        DemoPodcast.DemoFile transcript = DemoPodcast.file("transcript.json").orElseThrow();
        DemoPodcast.DemoFile chapters = DemoPodcast.file("chapters.json").orElseThrow();
        return episode("demo (bundled)", AiInput.passages(transcript.bytes(), transcript.name()), chapters.bytes());
    }

    /** Every pair under a folder (recursively), in path order; unreadable pairs become notes. */
    static Found scan(Path folder) throws BadInputException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("Not a folder: " + folder);
        }
        List<Path> chapterFiles;
        try (Stream<Path> files = Files.walk(folder)) {
            chapterFiles = files.filter(file -> file.getFileName().toString().endsWith(CHAPTERS_SUFFIX))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + folder + ": " + e.getMessage());
        }
        List<Episode> episodes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path chapters : chapterFiles) {
            String file = chapters.getFileName().toString();
            String base = file.substring(0, file.length() - CHAPTERS_SUFFIX.length());
            Path transcript = transcriptFor(chapters.getParent(), base);
            if (transcript == null) {
                notes.add("no transcript beside " + chapters);
                continue;
            }
            try {
                episodes.add(episode(folder.relativize(transcript).toString(), AiInput.passages(transcript),
                        Files.readAllBytes(chapters)));
            } catch (BadInputException | IOException e) {
                notes.add("skipped " + transcript + ": " + e.getMessage());
            }
        }
        if (episodes.isEmpty() && notes.isEmpty()) {
            notes.add("no pairs found in " + folder + " (a transcript beside NAME" + CHAPTERS_SUFFIX + ")");
        }
        return new Found(episodes, notes);
    }

    private static Path transcriptFor(Path directory, String base) {
        try (Stream<Path> siblings = Files.list(directory)) {
            return siblings.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        return dot > 0 && name.substring(0, dot).equals(base)
                                && TRANSCRIPT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
                    })
                    .sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Episode episode(String name, List<Passage> passages, byte[] chaptersJson) throws BadInputException {
        List<Chapter> chapters;
        try {
            chapters = ChapterJsonReader.read(chaptersJson, null).tableOfContents();
        } catch (ChaptersException e) {
            throw new BadInputException(name + " chapters: " + e.getMessage());
        }
        if (chapters.isEmpty()) {
            throw new BadInputException(name + ": the chapters file has no chapters");
        }
        List<Double> starts = chapters.stream().map(Chapter::start).toList();
        List<String> titles = chapters.stream().map(Chapter::title).toList();
        List<RetrievalEval.Question> questions = RetrievalEval.fromChapters(starts, titles, passages.getLast().end()).stream()
                // "Chapter 3" is a name the reader gave an untitled chapter: there is nothing to ask
                .filter(question -> !question.text().matches("Chapter \\d+"))
                .toList();
        return new Episode(name, passages, starts, questions);
    }

    /** The fixture episodes played back to back; the joins are the reference boundaries. */
    static Episode synthetic(Path transcripts) throws BadInputException {
        List<List<Passage>> parts = new ArrayList<>();
        for (String name : SYNTHETIC_PARTS) {
            parts.add(AiInput.passages(transcripts.resolve(name)));
        }
        EpisodeEval.Concatenation joined = EpisodeEval.concatenate(parts, SYNTHETIC_GAP_SECONDS);
        return new Episode(SYNTHETIC_NAME, joined.passages(), joined.starts(), EpisodeEval.keyphraseQuestions(joined, 3));
    }
}

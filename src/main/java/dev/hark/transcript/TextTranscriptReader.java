package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads plain-text transcripts, one paragraph per line:
 * <ul>
 *   <li>a leading time starts a paragraph at that time: {@code [00:01:02] Name: text},
 *       {@code 00:01:02 text}, {@code (1:02) text};</li>
 *   <li>a line that is only a time, or a name and a time ({@code Jason  0:03}, as Otter
 *       exports), times (and names) the line after it;</li>
 *   <li>"Name: text" names the speaker (rule in {@link SpeakerPrefix}); a paragraph that names
 *       nobody continues with the previous speaker;</li>
 *   <li>in a transcript whose paragraphs have times, a line with neither a time nor a name,
 *       straight after a timed line, is that paragraph wrapped onto a new line;</li>
 *   <li>a line that is just "Transcript" ends the page furniture above it (as on the seed
 *       episode page): what came before it is dropped.</li>
 * </ul>
 * Paragraphs without a written time get estimated times ({@link TimingEstimator}), and then the
 * transcript is marked approximate. Pure and thread-safe.
 */
public final class TextTranscriptReader {

    public ReadResult read(String content) throws TranscriptException {
        Cues cues = new Cues();
        List<Paragraph> paragraphs = paragraphs(Lines.of(content), cues);
        return finish(paragraphs, cues, TranscriptFormat.TEXT);
    }

    /** Shared with the HTML reader: paragraphs timed (estimating where needed) into a result. */
    static ReadResult finish(List<Paragraph> paragraphs, Cues cues, TranscriptFormat format) throws TranscriptException {
        List<Paragraph> spoken = carrySpeakers(paragraphs.stream().filter(p -> !p.text().isEmpty()).toList());
        if (spoken.isEmpty()) {
            return cues.finish(format, false); // throws: nothing to read
        }
        TimingEstimator.Timed timed = TimingEstimator.estimate(spoken, cues);
        timed.segments().forEach(cues::add);
        return cues.finish(format, timed.approximate());
    }

    /** The paragraphs of plain-text lines. */
    static List<Paragraph> paragraphs(List<String> lines, Cues cues) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Paragraph pending = null;       // a header line waiting for its text
        boolean previousBlank = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                previousBlank = true;
                continue;
            }
            if (isTranscriptHeading(line)) {
                paragraphs.clear();
                pending = null;
                previousBlank = true;
                continue;
            }
            Paragraph header = ParagraphParser.header(line, number);
            if (header != null) {
                pending = header;
                previousBlank = true;
                continue;
            }
            Paragraph paragraph = ParagraphParser.parse(line, number, problems);
            if (pending != null) {
                paragraph = new Paragraph(paragraph.speaker() != null ? paragraph.speaker() : pending.speaker(),
                        paragraph.text(), paragraph.start() != null ? paragraph.start() : pending.start(),
                        paragraph.marks(), pending.line());
                pending = null;
            } else if (!previousBlank && paragraph.start() == null && paragraph.speaker() == null
                    && !paragraphs.isEmpty() && paragraphs.getLast().start() != null) {
                paragraphs.set(paragraphs.size() - 1, paragraphs.getLast().append(paragraph));
                continue;
            }
            paragraphs.add(paragraph);
            previousBlank = false;
        }
        problems.forEach(cues::skip);
        return paragraphs;
    }

    private static List<Paragraph> carrySpeakers(List<Paragraph> paragraphs) {
        List<Paragraph> carried = new ArrayList<>();
        String speaker = null;
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.speaker() != null) {
                speaker = paragraph.speaker();
                carried.add(paragraph);
            } else {
                carried.add(paragraph.withSpeaker(speaker));
            }
        }
        return carried;
    }

    private static boolean isTranscriptHeading(String line) {
        String text = Lines.squeeze(line).toLowerCase(Locale.ROOT);
        return text.equals("transcript") || text.equals("transcript:");
    }
}

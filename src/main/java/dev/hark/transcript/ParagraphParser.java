package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an HTML or plain-text transcript to a {@link Paragraph}: an optional leading
 * time ({@code [00:01:02]}, {@code (1:02)}, {@code 00:01:02}, {@code 00:01:02 -}), an optional
 * speaker name ("Name: text", by {@link SpeakerPrefix}), and time marks in the text: bracketed
 * times with or without a word, such as {@code [inaudible 00:05:15]}, {@code [crosstalk 1:02:03]}
 * or {@code [00:05:15]}. A mark's time is taken out of the text and its word kept
 * ({@code [inaudible]}). Pure.
 */
final class ParagraphParser {

    private static final String CLOCK = "(?:\\d{1,3}:)?\\d{1,3}:\\d{1,2}(?:[.,]\\d{1,3})?";
    private static final Pattern LEADING_TIME =
            Pattern.compile("^[\\[(]?(" + CLOCK + ")[\\])]?(?:\\s+[-–—]\\s*|\\s+|$)(.*)$", Pattern.DOTALL);
    private static final Pattern MARK = Pattern.compile("\\[(?:([\\p{L}][\\p{L}' -]*?)\\s+)?(" + CLOCK + ")]");

    private ParagraphParser() {
    }

    /**
     * @param line       1-based, for messages
     * @param problems   gets a sentence for each bad time (the text is kept, the time dropped)
     */
    static Paragraph parse(String raw, int line, List<String> problems) {
        String text = Lines.squeeze(raw);
        Double start = null;
        Matcher leading = LEADING_TIME.matcher(text);
        if (leading.matches()) {
            OptionalLong millis = Timecodes.parse(leading.group(1));
            if (millis.isPresent()) {
                start = millis.getAsLong() / 1000.0;
            } else {
                problems.add("Bad time " + leading.group(1) + " on line " + line);
            }
            text = leading.group(2).strip();
        }
        String speaker = null;
        SpeakerPrefix.Split split = SpeakerPrefix.split(text);
        if (split != null) {
            speaker = split.speaker();
            text = split.text();
        }
        List<Paragraph.TimeMark> marks = new ArrayList<>();
        StringBuilder clean = new StringBuilder();
        Matcher mark = MARK.matcher(text);
        int from = 0;
        while (mark.find()) {
            clean.append(text, from, mark.start());
            from = mark.end();
            OptionalLong millis = Timecodes.parse(mark.group(2));
            if (millis.isPresent()) {
                marks.add(new Paragraph.TimeMark(clean.length(), millis.getAsLong() / 1000.0, mark.group(2)));
            } else {
                problems.add("Bad time " + mark.group(2) + " on line " + line);
            }
            if (mark.group(1) != null) {
                clean.append('[').append(mark.group(1).strip()).append(']');
            } else if (!clean.isEmpty() && clean.charAt(clean.length() - 1) == ' '
                    && from < text.length() && text.charAt(from) == ' ') {
                from++; // "a [00:05:15] b" reads "a b"
            }
        }
        clean.append(text, from, text.length());
        return new Paragraph(speaker, clean.toString().strip(), start, marks, line);
    }

    /** True when the whole line is a time, or a speaker's name and a time ("Jason  0:03", as Otter writes). */
    static Paragraph header(String raw, int line) {
        String text = Lines.squeeze(raw);
        Matcher m = Pattern.compile("^(?:(.{1,40}?)\\s+)?[\\[(]?(" + CLOCK + ")[\\])]?$").matcher(text);
        if (!m.matches()) {
            return null;
        }
        OptionalLong millis = Timecodes.parse(m.group(2));
        String name = m.group(1);
        if (millis.isEmpty() || name != null && !SpeakerPrefix.isName(name.strip())) {
            return null;
        }
        return new Paragraph(name == null ? null : name.strip(), "", millis.getAsLong() / 1000.0, List.of(), line);
    }
}

package dev.hark.transcript;

import java.util.List;

/**
 * A paragraph of an HTML or plain-text transcript, before it has times.
 *
 * @param speaker who speaks, or null (the reader carries the previous speaker over)
 * @param start   its start as written, in seconds, or null when the source gives none
 * @param marks   time marks inside the text, such as {@code [inaudible 00:05:15]}
 * @param line    where it starts in the source (1-based), for messages; 0 when unknown
 */
record Paragraph(String speaker, String text, Double start, List<TimeMark> marks, int line) {

    Paragraph {
        marks = List.copyOf(marks);
    }

    /**
     * A time written inside a paragraph's text.
     *
     * @param offset  where in the paragraph's text it stood
     * @param written the time as written, for messages
     */
    record TimeMark(int offset, double seconds, String written) {
    }

    Paragraph withSpeaker(String newSpeaker) {
        return new Paragraph(newSpeaker, text, start, marks, line);
    }

    /** This paragraph with {@code more} text after it (a wrapped line), marks moved along. */
    Paragraph append(Paragraph more) {
        int shift = text.length() + 1;
        List<TimeMark> all = new java.util.ArrayList<>(marks);
        more.marks().forEach(mark -> all.add(new TimeMark(mark.offset() + shift, mark.seconds(), mark.written())));
        return new Paragraph(speaker, text + " " + more.text(), start, all, line);
    }
}

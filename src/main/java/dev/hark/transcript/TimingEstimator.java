package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives times to paragraphs that have few or none, for HTML and plain-text transcripts.
 *
 * <p>How: the paragraphs are laid end to end as one text. Every known time is an anchor at a
 * character position: a paragraph's written start, and each time mark inside the text
 * ({@code [inaudible 00:05:15]} anchors 5:15 at the place it stood). The start of the text is
 * anchored at 0:00 unless a time is written there. Between two anchors, time is spread evenly
 * over the characters, so a paragraph's start is interpolated from its position; after the last
 * anchor, time runs on at the speaking rate measured between the first and last anchors
 * (clamped to 8–30 characters a second), or at {@value #DEFAULT_RATE} characters a second
 * (about 160 words a minute) when there is nothing to measure. A paragraph ends where the next
 * one starts. An anchor earlier than the one before it is dropped and reported.
 *
 * <p>The result is marked approximate whenever a paragraph's start had to be estimated. Pure.
 */
final class TimingEstimator {

    static final double DEFAULT_RATE = 15.0;
    private static final double MIN_RATE = 8.0;
    private static final double MAX_RATE = 30.0;

    private record Anchor(long offset, double seconds) {
    }

    /** Segments and whether any start was estimated. */
    record Timed(List<Segment> segments, boolean approximate) {
    }

    private TimingEstimator() {
    }

    static Timed estimate(List<Paragraph> paragraphs, Cues problems) {
        long[] offsets = new long[paragraphs.size()];
        long offset = 0;
        List<Anchor> anchors = new ArrayList<>();
        boolean[] exact = new boolean[paragraphs.size()];
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph paragraph = paragraphs.get(i);
            offsets[i] = offset;
            if (paragraph.start() != null) {
                exact[i] = add(anchors, new Anchor(offset, paragraph.start()), problems,
                        Timecodes.wholeSeconds(paragraph.start()), paragraph.line());
            }
            for (Paragraph.TimeMark mark : paragraph.marks()) {
                add(anchors, new Anchor(offset + mark.offset(), mark.seconds()), problems, mark.written(), paragraph.line());
            }
            offset += paragraph.text().length() + 1;
        }
        if (anchors.isEmpty() || anchors.getFirst().offset() > 0) {
            anchors.addFirst(new Anchor(0, 0));
        }
        double rate = rate(anchors);
        List<Segment> segments = new ArrayList<>();
        double[] starts = new double[paragraphs.size()];
        boolean approximate = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            starts[i] = exact[i] ? paragraphs.get(i).start() : at(anchors, offsets[i], rate);
            approximate |= !exact[i];
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph paragraph = paragraphs.get(i);
            double end = i + 1 < paragraphs.size()
                    ? Math.max(starts[i], starts[i + 1])
                    : Math.max(starts[i], at(anchors, offsets[i] + paragraph.text().length(), rate));
            segments.add(new Segment(starts[i], end, paragraph.speaker(), paragraph.text()));
        }
        return new Timed(segments, approximate);
    }

    /** Adds an anchor unless it goes back in time; returns whether it was added. */
    private static boolean add(List<Anchor> anchors, Anchor anchor, Cues problems, String written, int line) {
        if (!anchors.isEmpty() && anchor.seconds() < anchors.getLast().seconds()) {
            problems.skip("Time " + written + (line > 0 ? " on line " + line : "") + " is earlier than the time before it");
            return false;
        }
        anchors.add(anchor);
        return true;
    }

    private static double rate(List<Anchor> anchors) {
        Anchor first = anchors.getFirst();
        Anchor last = anchors.getLast();
        if (last.offset() <= first.offset() || last.seconds() <= first.seconds()) {
            return DEFAULT_RATE;
        }
        double measured = (last.offset() - first.offset()) / (last.seconds() - first.seconds());
        return Math.clamp(measured, MIN_RATE, MAX_RATE);
    }

    /** The time at a character offset. */
    private static double at(List<Anchor> anchors, long offset, double rate) {
        int low = 0;
        int high = anchors.size() - 1;
        int found = 0;
        while (low <= high) { // the last anchor at or before the offset
            int middle = (low + high) >>> 1;
            if (anchors.get(middle).offset() <= offset) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        Anchor before = anchors.get(found);
        if (found == anchors.size() - 1) {
            return before.seconds() + (offset - before.offset()) / rate;
        }
        Anchor after = anchors.get(found + 1);
        if (after.offset() == before.offset()) {
            return before.seconds();
        }
        double share = (double) (offset - before.offset()) / (after.offset() - before.offset());
        return before.seconds() + share * (after.seconds() - before.seconds());
    }
}

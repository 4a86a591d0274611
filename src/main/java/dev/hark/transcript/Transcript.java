package dev.hark.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What was said in an episode, as segments in order of their start.
 *
 * <p>The segments are sorted by start time on construction (a stable sort, so segments that
 * start together keep their order); {@link #segmentAt} relies on that.
 *
 * @param approximate true when some times were estimated rather than read from the source
 *                    (an HTML or plain-text transcript with few or no time marks)
 */
public record Transcript(List<Segment> segments, boolean approximate) {

    private static final Comparator<Segment> BY_START = Comparator.comparingDouble(Segment::start);

    public Transcript {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(BY_START);
        segments = List.copyOf(sorted);
    }

    /** A transcript whose times all come from its source. */
    public Transcript(List<Segment> segments) {
        this(segments, false);
    }

    /** The speakers in order of first appearance; empty when no segment names one. */
    public List<String> speakers() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment.speaker() != null) {
                names.add(segment.speaker());
            }
        }
        return List.copyOf(names);
    }

    /** The latest end of any segment, in seconds; 0 when there are none. */
    public double duration() {
        double latest = 0;
        for (Segment segment : segments) {
            latest = Math.max(latest, segment.end());
        }
        return latest;
    }

    /**
     * The segment being spoken at {@code seconds}: the last one to start at or before it,
     * provided it has not ended yet. Empty before the first segment and in pauses between
     * segments. A binary search: cheap to call on every tick of the player.
     */
    public Optional<Segment> segmentAt(double seconds) {
        int low = 0;
        int high = segments.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (segments.get(middle).start() <= seconds) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) {
            return Optional.empty();
        }
        Segment segment = segments.get(found);
        // a zero-length segment still counts at its own instant
        return seconds < segment.end() || seconds == segment.start() ? Optional.of(segment) : Optional.empty();
    }

    /** All the text, segments joined by spaces. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (Segment segment : segments) {
            if (!all.isEmpty()) {
                all.append(' ');
            }
            all.append(segment.text());
        }
        return all.toString();
    }
}

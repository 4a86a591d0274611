package dev.hark.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who speaks how long: the summed segment durations per speaker. A segment without a speaker
 * after one with a speaker belongs to that speaker (transcripts often name a speaker only where
 * the turn changes); segments before any named one are not counted. Pure.
 */
public final class TalkTime {

    private TalkTime() {
    }

    /** One speaker's share. {@code fraction} is of all attributed speech. */
    public record Share(String speaker, double seconds, double fraction) {
    }

    /** Speakers by time spoken, most first; empty when the transcript names no speakers. */
    public static List<Share> of(Transcript transcript) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        String current = null;
        double total = 0;
        for (Segment segment : transcript.segments()) {
            if (segment.speaker() != null && !segment.speaker().isBlank()) {
                current = segment.speaker();
            }
            if (current != null) {
                double length = Math.max(0, segment.end() - segment.start());
                seconds.merge(current, length, Double::sum);
                total += length;
            }
        }
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<String, Double> entry : seconds.entrySet()) {
            shares.add(new Share(entry.getKey(), entry.getValue(), total == 0 ? 0 : entry.getValue() / total));
        }
        shares.sort(Comparator.comparingDouble(Share::seconds).reversed());
        return shares;
    }
}

package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SubRip (SRT): numbered cues, {@code 00:00:01,000 --> 00:00:04,000} timings (a dot
 * for the milliseconds is accepted too, and coordinates after the times are ignored),
 * multi-line text joined with a space, {@code <i>}/{@code <b>}/{@code <u>}/{@code <font>} tags and
 * {@code {\an8}} overrides dropped. Other text in angle brackets is kept as written, since SRT
 * has no escaping.
 *
 * <p>The speaker comes from a {@code <v Name>} tag if a converter left one, else from a
 * "Name: text" prefix on the cue's first line, by the rule in {@link SpeakerPrefix} (one to four
 * capitalised words, not a label such as "Note"). As in {@link VttReader}, a named speaker
 * carries over to the cues after it that name nobody.
 *
 * <p>Missing blank lines between cues are tolerated: a timing line always starts a new cue and
 * a lone number just before it is its index. Bad cues are skipped and reported. Pure and
 * thread-safe.
 */
public final class SrtReader {

    public ReadResult read(String content) throws TranscriptException {
        List<String> lines = Lines.of(content);
        Cues cues = new Cues();
        String speaker = null;
        int timing = -1;               // line index of the current cue's timing line
        List<String> text = new ArrayList<>();
        boolean afterBlank = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (CueTiming.looksLikeTiming(line)) {
                if (!text.isEmpty() && isIndex(text.getLast()) && !afterBlank) {
                    text.removeLast(); // the next cue's number, written without a blank line before it
                }
                if (timing >= 0) {
                    speaker = cue(lines, timing, text, speaker, cues);
                }
                timing = i;
                text = new ArrayList<>();
                afterBlank = false;
            } else if (line.isBlank()) {
                afterBlank = true;
            } else if (timing >= 0 && !afterBlank) {
                text.add(line);
            } else if (!isIndex(line) && !(i + 1 < lines.size() && CueTiming.looksLikeTiming(lines.get(i + 1)))) {
                cues.skip("Text without a cue time on line " + (i + 1));
            }
        }
        if (timing >= 0) {
            cue(lines, timing, text, speaker, cues);
        }
        return cues.finish(TranscriptFormat.SRT, false);
    }

    private static String cue(List<String> lines, int timing, List<String> text, String speaker, Cues cues) {
        CueTiming times;
        try {
            times = CueTiming.parse(lines.get(timing), timing + 1);
        } catch (TranscriptException e) {
            cues.skip(e.getMessage());
            return speaker;
        }
        List<String> cleaned = text.stream().map(line -> line.replaceAll("\\{\\\\[^}]*}", "")).toList();
        CueText parsed = CueText.parseSrt(cleaned, times.start(), times.end());
        String current = parsed.speaker() != null ? parsed.speaker() : speaker;
        String body = parsed.text();
        if (parsed.speaker() == null) {
            SpeakerPrefix.Split split = SpeakerPrefix.split(body);
            if (split != null) {
                current = split.speaker();
                body = split.text();
            }
        }
        if (!body.isEmpty()) {
            cues.add(new Segment(times.start(), times.end(), current, body, parsed.words()));
        }
        return current;
    }

    private static boolean isIndex(String line) {
        return line.strip().matches("\\d+");
    }
}

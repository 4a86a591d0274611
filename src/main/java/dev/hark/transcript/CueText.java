package dev.hark.transcript;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The text of a WebVTT (or SRT) cue: markup removed, entities decoded, lines joined with a
 * space. Reads the first voice tag ({@code <v Name>}, {@code <v.loud Name>}) as the speaker, and
 * inline timestamps ({@code <00:00:01.500>}) as word times. Other tags ({@code <c.x>}, {@code <i>},
 * {@code <b>}, {@code <u>}, {@code <lang>}, {@code <ruby>}, {@code <font>}) are dropped and
 * their text kept; a {@code <} with no closing {@code >} is text. Pure.
 *
 * @param speaker the first voice tag's name, or null
 * @param words   one word per inline timestamp run, empty when the cue has none (or they are
 *                out of order or outside the cue)
 */
record CueText(String speaker, String text, List<Word> words) {

    /** SRT has no escaping, so only these tags are markup there; "<odd>" stays text. */
    private static final java.util.regex.Pattern SRT_TAG =
            java.util.regex.Pattern.compile("(?i)/?(?:i|b|u|s|c|font|v)(?:[.\\s].*)?");

    /** A WebVTT cue: every {@code <...>} is markup. */
    static CueText parse(List<String> lines, double cueStart, double cueEnd) {
        return parse(lines, cueStart, cueEnd, false);
    }

    /** An SRT cue: only the tags SRT files use are markup. */
    static CueText parseSrt(List<String> lines, double cueStart, double cueEnd) {
        return parse(lines, cueStart, cueEnd, true);
    }

    private static CueText parse(List<String> lines, double cueStart, double cueEnd, boolean srt) {
        String payload = String.join("\n", lines);
        String speaker = null;
        List<double[]> stamps = new ArrayList<>(); // {seconds}, in order of the chunks after them
        List<StringBuilder> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        chunks.add(current);
        int at = 0;
        while (at < payload.length()) {
            char c = payload.charAt(at);
            int close = c == '<' ? payload.indexOf('>', at + 1) : -1;
            if (close < 0) {
                current.append(c);
                at++;
                continue;
            }
            String tag = payload.substring(at + 1, close).strip();
            if (srt && !SRT_TAG.matcher(tag).matches()) {
                current.append(c);
                at++;
                continue;
            }
            at = close + 1;
            if (speaker == null && isVoice(tag)) {
                int space = firstWhitespace(tag);
                if (space > 0) {
                    speaker = decode(tag.substring(space)).strip();
                }
                continue;
            }
            OptionalLong stamp = Timecodes.parse(tag);
            if (stamp.isPresent() && tag.indexOf(':') > 0) {
                stamps.add(new double[] {stamp.getAsLong() / 1000.0});
                current = new StringBuilder();
                chunks.add(current);
            }
            // any other tag: dropped, its text kept
        }
        String text = Lines.squeeze(decode(String.join(" ", chunks)));
        return new CueText(speaker == null || speaker.isBlank() ? null : speaker, text,
                words(chunks, stamps, cueStart, cueEnd));
    }

    /** {@code v}, {@code v.loud} or {@code v.a.b}, followed by the name. */
    private static boolean isVoice(String tag) {
        return tag.length() > 1 && tag.charAt(0) == 'v' && (tag.charAt(1) == '.' || Character.isWhitespace(tag.charAt(1)));
    }

    private static int firstWhitespace(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (Character.isWhitespace(tag.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String text) {
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }

    private static List<Word> words(List<StringBuilder> chunks, List<double[]> stamps, double cueStart, double cueEnd) {
        if (stamps.isEmpty()) {
            return List.of();
        }
        List<Word> words = new ArrayList<>();
        double previous = cueStart;
        for (double[] stamp : stamps) {
            if (stamp[0] < previous || stamp[0] > cueEnd) {
                return List.of(); // times that contradict the cue are not worth keeping
            }
            previous = stamp[0];
        }
        for (int i = 0; i < chunks.size(); i++) {
            double start = i == 0 ? cueStart : stamps.get(i - 1)[0];
            double end = i < stamps.size() ? stamps.get(i)[0] : cueEnd;
            String word = Lines.squeeze(decode(chunks.get(i).toString()));
            if (!word.isEmpty()) {
                words.add(new Word(start, end, word));
            }
        }
        return words;
    }
}

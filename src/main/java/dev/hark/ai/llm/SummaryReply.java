package dev.hark.ai.llm;

import dev.hark.ai.Bullet;
import dev.hark.ai.Passage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's bullet list ({@code - text [mm:ss]}) into bullets of an episode. Models stray
 * from the format, so it takes {@code *}, {@code •} and numbered lines too, skips headings and
 * markdown, and places a bullet whose citation is missing or past the end at the passage that
 * shares most words with it. Pure and thread-safe.
 */
final class SummaryReply {

    /** A citation this far past the last passage is taken as made up. */
    private static final double END_TOLERANCE = 5;
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*•–]|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{4,}");

    private SummaryReply() {
    }

    /**
     * At most {@code max} bullets in time order.
     *
     * @throws LlmException when the reply holds no bullet at all
     */
    static List<Bullet> bullets(String reply, List<Passage> passages, int max) throws LlmException {
        List<String> items = items(reply);
        if (items.isEmpty() || passages.isEmpty()) {
            throw new LlmException(ChatReplyParser.UNREADABLE);
        }
        double first = passages.getFirst().start();
        double last = passages.getLast().end();
        List<Bullet> bullets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            String text = clean(Moments.strip(item));
            if (text.isEmpty() || !seen.add(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            double start = Moments.parse(item).stream().filter(moment -> moment <= last + END_TOLERANCE).findFirst()
                    .map(moment -> Math.clamp(moment, first, last))
                    .orElseGet(() -> bestMatch(text, passages).start());
            bullets.add(new Bullet(text, start));
            if (bullets.size() == max) {
                break;
            }
        }
        if (bullets.isEmpty()) {
            throw new LlmException(ChatReplyParser.UNREADABLE);
        }
        bullets.sort(Comparator.comparingDouble(Bullet::start));
        return bullets;
    }

    /** The list items; when the model wrote none, the lines that cite a moment. */
    private static List<String> items(String reply) {
        List<String> items = new ArrayList<>();
        List<String> cited = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                items.add(item.group(1));
            } else if (!Moments.parse(line).isEmpty()) {
                cited.add(line.strip());
            }
        }
        return items.isEmpty() ? cited : items;
    }

    /** Without markdown emphasis, wrapping quotes and dangling separators. */
    private static String clean(String text) {
        return text.replace("**", "").replace("__", "").replaceAll("^[\"“\\s]+|[\"”\\s]+$", "")
                .replaceAll("[\\s\\-–—:,;(]+$", "").replaceAll("\\(\\s*\\)", "").strip();
    }

    /** The passage sharing most words (of four letters or more) with {@code text}; the first on a tie. */
    static Passage bestMatch(String text, List<Passage> passages) {
        Set<String> words = words(text);
        Passage best = passages.getFirst();
        int bestScore = 0;
        for (Passage passage : passages) {
            Set<String> shared = words(passage.text());
            shared.retainAll(words);
            if (shared.size() > bestScore) {
                bestScore = shared.size();
                best = passage;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}

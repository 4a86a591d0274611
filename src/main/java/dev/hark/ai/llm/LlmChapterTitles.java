package dev.hark.ai.llm;

import dev.hark.ai.TopicChapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles for chapters already found (by {@code TopicChapters} or a publisher), written by a
 * language model in one call: each chapter's transcript is shortened to an equal share of the
 * context. Thread-safe if the {@link Llm} is.
 */
public final class LlmChapterTitles {

    /** One chapter to title: where it starts and the transcript text it covers. */
    public record Chapter(double start, String text) {
    }

    /** Stored with cached titles; raise it when the prompt changes. */
    public static final int PROMPT_VERSION = 1;
    public static final int MAX_WORDS = 6;
    /** Each chapter keeps at least this much text however many there are. */
    private static final int MIN_CHARS_PER_CHAPTER = 200;
    private static final Pattern NUMBERED =
            Pattern.compile("^\\s*(?:[-*•]\\s*)?(?:\\*\\*)?(?:chapter\\s*)?(\\d{1,3})\\s*[.):\\-–]\\s*(.+)$",
                    Pattern.CASE_INSENSITIVE);

    private final Llm llm;
    private final LlmSettings settings;

    public LlmChapterTitles(Llm llm, LlmSettings settings) {
        this.llm = llm;
        this.settings = settings;
    }

    /**
     * One title of at most {@value #MAX_WORDS} words per chapter, in the chapters' order.
     *
     * @throws LlmException when the model fails or does not give one title per chapter
     */
    public List<TopicChapter> titles(List<Chapter> chapters) throws LlmException, InterruptedException {
        if (chapters.isEmpty()) {
            return List.of();
        }
        int charsEach = Math.max(MIN_CHARS_PER_CHAPTER,
                (settings.contextTokens() - LlmSummary.RESERVED_TOKENS) * 4 / chapters.size() - 40);
        StringBuilder prompt = new StringBuilder("The " + chapters.size() + " chapters of a podcast episode, each "
                + "with its start and transcript:\n");
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            prompt.append("\nChapter ").append(i + 1).append(' ').append(Moments.format(chapter.start())).append(":\n")
                    .append(shorten(chapter.text(), charsEach)).append('\n');
        }
        prompt.append("\nGive each chapter a title of at most ").append(MAX_WORDS).append(" words saying what it is "
                + "about. Answer with exactly ").append(chapters.size()).append(" numbered lines, \"1. Title\", in "
                + "chapter order. Write nothing else.");
        String reply = llm.chat(List.of(ChatMessage.system("You title the chapters of podcast episodes, in the "
                + "language of the transcript."), ChatMessage.user(prompt.toString())));
        List<String> titles = parse(reply, chapters.size());
        List<TopicChapter> result = new ArrayList<>();
        for (int i = 0; i < chapters.size(); i++) {
            result.add(new TopicChapter(chapters.get(i).start(), titles.get(i)));
        }
        return result;
    }

    /** {@code count} titles from numbered lines (or, without numbers, exactly {@code count} lines). */
    static List<String> parse(String reply, int count) throws LlmException {
        Map<Integer, String> numbered = new TreeMap<>();
        List<String> plain = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            Matcher item = NUMBERED.matcher(line);
            if (item.matches()) {
                numbered.putIfAbsent(Integer.parseInt(item.group(1)), clean(item.group(2)));
            } else if (!line.isBlank()) {
                plain.add(clean(line));
            }
        }
        List<String> titles = new ArrayList<>();
        if (numbered.isEmpty()) {
            titles.addAll(plain);
        } else {
            for (int i = 1; i <= count && numbered.containsKey(i); i++) {
                titles.add(numbered.get(i));
            }
            if (titles.size() == count && numbered.size() > count) {
                titles.add(""); // numbers past the last chapter: the model lost count
            }
        }
        if (titles.size() != count || titles.stream().anyMatch(String::isEmpty)) {
            int given = numbered.isEmpty() ? plain.size() : numbered.size();
            throw new LlmException("The language model gave " + given + " chapter titles for " + count + " chapters.");
        }
        return titles;
    }

    private static String clean(String title) {
        String text = Moments.strip(title).replace("**", "").replaceAll("^(?i)title:\\s*", "")
                .replaceAll("^[\"“'\\s]+|[\"”'\\s]+$", "").replaceAll("[.:;,\\s]+$", "").strip();
        String[] words = text.split("\\s+");
        return words.length <= MAX_WORDS ? text : String.join(" ", List.of(words).subList(0, MAX_WORDS))
                .replaceAll("[.:;,\\-–—]+$", "");
    }

    private static String shorten(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars) + " …";
    }
}

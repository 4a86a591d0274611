package dev.hark.ai;

import dev.hark.transcript.NameFinder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names an episode mentions, with the moments they come up. Two sources:
 * <ul>
 *   <li>the hints ({@link MentionHints}): the feed's persons and the speakers, found
 *       case-insensitively by full name or, for a person, by a capitalised surname alone; and the
 *       show notes' link texts, by full text. One mention is enough.</li>
 *   <li>recurring proper names: runs of capitalised words ("AWS", "Six Feet Up") said in at least
 *       two sentences, at least once not at the start of a sentence (where capitals prove nothing).
 *       Capitalised function words ("So", "And", "I'm"), stopwords, weekdays and months, generic
 *       acronyms ("API", "AI") and parts of a hint's name are not names.</li>
 * </ul>
 * Moments are the starts of the sentences that say the name, at least {@link #MOMENT_GAP} seconds
 * apart, at most {@link #MAX_MOMENTS}. Hints are kept first, then the names said in the most
 * sentences, up to {@link #MAX_MENTIONS}; the result is ordered by how many sentences say the name
 * (most first), then by first mention, so the names an episode is about lead.
 *
 * <p>Limits: English only, and it relies on the transcript's capitalisation, so a transcript in
 * lower case yields only hinted names, and a name said once is missed unless hinted. The
 * {@link Mention.Kind} is a guess from local cues, documented in {@link MentionKinds}; anything
 * it cannot tell is {@code OTHER}. Pure and thread-safe; linear in the transcript.
 */
public final class Mentions {

    public static final int MAX_MENTIONS = 30;
    public static final int MAX_MOMENTS = 10;
    public static final double MOMENT_GAP = 30;

    /** A word, keeping inner apostrophes, dots and dashes ("Node.js", "O'Brien") and a trailing "++" or "#". */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’.&-][\\p{L}\\p{N}]+)*[+#]*");
    private static final Pattern LABEL = Pattern.compile("(?i)spk_\\d+|speaker[ _-]?\\d+|unknown|\\p{Lu}");
    private static final Pattern LABEL_ECHO = Pattern.compile("^([^:]{1,40}):\\s+");
    private static final Set<String> NOT_NAMES = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mondays", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december",
            // acronyms for common nouns of tech talk, not names
            "ai", "ml", "llm", "llms", "api", "apis", "sdk", "sdks", "cli", "ui", "ux", "url", "urls", "http", "https",
            "ci", "cd", "ceo", "cto", "qa", "ok", "am", "pm", "faq", "pr", "prs", "id", "ids", "tv", "ios");
    private static final int MAX_RUN_WORDS = 5;

    private Mentions() {
    }

    /** Where one name was seen. */
    record Occurrence(int sentence, String text, int from, int to) {
    }

    /** A name being collected, with the sentences that say it. */
    private static final class Candidate {
        final String name;
        final Mention.Kind fixedKind;
        final boolean hinted;
        final List<Occurrence> occurrences = new ArrayList<>();
        final Set<Integer> sentences = new TreeSet<>();
        final Map<String, Integer> spellings = new HashMap<>();
        boolean midSentence;

        Candidate(String name, Mention.Kind fixedKind, boolean hinted) {
            this.name = name;
            this.fixedKind = fixedKind;
            this.hinted = hinted;
        }

        void add(Occurrence occurrence, boolean initial) {
            occurrences.add(occurrence);
            sentences.add(occurrence.sentence());
            spellings.merge(occurrence.text().substring(occurrence.from(), occurrence.to()), 1, Integer::sum);
            midSentence |= !initial;
        }

        String spelling() {
            return hinted ? name : spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        }
    }

    /**
     * The names mentioned in these sentences, at most {@link #MAX_MENTIONS}, most-mentioned first.
     */
    public static List<Mention> find(List<Sentence> sentences, MentionHints hints) {
        List<String> texts = sentences.stream().map(Mentions::withoutLabelEcho).toList();
        Map<String, Candidate> hinted = new LinkedHashMap<>();
        hints.persons().forEach(name -> addHint(hinted, name, Mention.Kind.PERSON));
        hints.speakers().stream().filter(name -> !LABEL.matcher(name.strip()).matches())
                .forEach(name -> addHint(hinted, name, Mention.Kind.PERSON));
        hints.linkTexts().stream().filter(text -> text.strip().length() <= 40 && text.strip().split("\\s+").length <= 4)
                .forEach(text -> addHint(hinted, text, null));
        Set<String> hintWords = new HashSet<>();
        for (Candidate hint : hinted.values()) {
            findHint(hint, texts);
            for (String word : hint.name.toLowerCase(Locale.ROOT).split("\\s+")) {
                hintWords.add(word);
            }
        }
        Map<String, Candidate> recurring = recurringNames(texts, hinted.keySet(), hintWords);
        List<Candidate> kept = new ArrayList<>();
        hinted.values().stream().filter(c -> !c.sentences.isEmpty()).forEach(kept::add);
        recurring.values().stream()
                .filter(c -> c.sentences.size() >= 2 && c.midSentence)
                .sorted(Comparator.comparingInt((Candidate c) -> -c.sentences.size())
                        .thenComparingInt(c -> c.sentences.iterator().next()))
                .forEach(kept::add);
        // hinted names first, so the cap never drops them; a name said only inside a longer one goes
        List<Found> found = kept.stream().map(c -> new Found(c, new Mention(c.spelling(),
                c.fixedKind != null ? c.fixedKind : MentionKinds.guess(c.spelling(), c.occurrences),
                moments(c.sentences, sentences)))).toList();
        return found.stream()
                .filter(f -> found.stream().noneMatch(other -> other != f && covers(other.mention(), f.mention())))
                .limit(MAX_MENTIONS)
                .sorted(Comparator.comparingInt((Found f) -> -f.candidate().sentences.size())
                        .thenComparingInt(f -> f.candidate().sentences.iterator().next()))
                .map(Found::mention)
                .toList();
    }

    private record Found(Candidate candidate, Mention mention) {
    }

    /**
     * True when {@code longer} names {@code shorter} in full ("Gustavo Franco" and "Gustavo")
     * at every moment the shorter one comes up: the shorter one adds nothing.
     */
    private static boolean covers(Mention longer, Mention shorter) {
        String big = " " + longer.name().toLowerCase(Locale.ROOT) + " ";
        String small = shorter.name().toLowerCase(Locale.ROOT);
        return big.length() - 2 > small.length() && big.contains(" " + small + " ")
                && longer.moments().containsAll(shorter.moments());
    }

    private static void addHint(Map<String, Candidate> hints, String name, Mention.Kind kind) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.length() >= 2) {
            hints.putIfAbsent(clean.toLowerCase(Locale.ROOT), new Candidate(clean, kind, true));
        }
    }

    private static void findHint(Candidate hint, List<String> texts) {
        Pattern full = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(hint.name) + "(?![\\p{L}\\p{N}])");
        Pattern surname = null;
        String[] words = hint.name.split(" ");
        String last = words[words.length - 1];
        if (hint.fixedKind == Mention.Kind.PERSON && words.length >= 2 && last.length() >= 3
                && Character.isUpperCase(last.charAt(0)) && !Keyphrases.isStopword(last.toLowerCase(Locale.ROOT))) {
            // a surname alone only counts capitalised: "Park" the name, not "park" the verb
            surname = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(last) + "(?![\\p{L}\\p{N}])");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Matcher matcher = full.matcher(text);
            if (!matcher.find() && (surname == null || !(matcher = surname.matcher(text)).find())) {
                continue;
            }
            hint.add(new Occurrence(i, text, matcher.start(), matcher.end()), false);
        }
    }

    /** Runs of capitalised words in every sentence, by lower-case name. */
    private static Map<String, Candidate> recurringNames(List<String> texts, Set<String> hintNames, Set<String> hintWords) {
        Map<String, Candidate> candidates = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            List<int[]> run = new ArrayList<>();
            Matcher token = TOKEN.matcher(text);
            int index = 0;
            int runStartIndex = 0;
            int previousEnd = -1;
            while (token.find()) {
                boolean name = isNameWord(text, token.start(), token.end());
                boolean joined = previousEnd >= 0 && text.substring(previousEnd, token.start()).isBlank();
                // "University of Oxford": a lower-case "of" may join two capitalised words
                boolean connector = !run.isEmpty() && joined && token.end() - token.start() == 2
                        && text.startsWith("of", token.start());
                if (name && joined && !run.isEmpty()) {
                    run.add(new int[] {token.start(), token.end()});
                } else if (!connector) {
                    emit(candidates, run, runStartIndex == 0, i, text, hintNames, hintWords);
                    run.clear();
                    if (name) {
                        run.add(new int[] {token.start(), token.end()});
                        runStartIndex = index;
                    }
                }
                previousEnd = token.end();
                index++;
            }
            emit(candidates, run, runStartIndex == 0, i, text, hintNames, hintWords);
        }
        return candidates;
    }

    private static boolean isNameWord(String text, int from, int to) {
        if (!Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        String word = possessiveless(text.substring(from, to));
        return !NameFinder.isCommonCapitalisedWord(word);
    }

    private static void emit(Map<String, Candidate> candidates, List<int[]> run, boolean initial, int sentence,
                             String text, Set<String> hintNames, Set<String> hintWords) {
        List<int[]> words = new ArrayList<>(run);
        // a capital at the start of a sentence may be grammar: drop leading stopwords there ("Well Python …")
        while (initial && !words.isEmpty() && Keyphrases.isStopword(word(text, words.getFirst()))) {
            words.removeFirst();
            initial = false;
        }
        if (words.isEmpty() || words.size() > MAX_RUN_WORDS) {
            return; // a longer run is a heading in title case, not a name
        }
        int from = words.getFirst()[0];
        int to = words.getLast()[1];
        String name = possessiveless(text.substring(from, to));
        to = from + name.length();
        String key = name.toLowerCase(Locale.ROOT);
        if (name.length() < 2 || NOT_NAMES.contains(key) || (words.size() == 1 && Keyphrases.isStopword(key))
                || hintNames.contains(key) || (words.size() == 1 && hintWords.contains(key))) {
            return;
        }
        candidates.computeIfAbsent(key, k -> new Candidate(name, null, false))
                .add(new Occurrence(sentence, text, from, to), initial);
    }

    private static String word(String text, int[] span) {
        return possessiveless(text.substring(span[0], span[1])).toLowerCase(Locale.ROOT);
    }

    private static String possessiveless(String word) {
        return word.replaceFirst("['’]s$", "");
    }

    /** The text without a leading "Speaker 1:" or "Jane Doe:" that repeats the speaker label. */
    private static String withoutLabelEcho(Sentence sentence) {
        Matcher echo = LABEL_ECHO.matcher(sentence.text());
        if (echo.find()) {
            String label = echo.group(1).strip();
            if (LABEL.matcher(label).matches() || label.equalsIgnoreCase(sentence.speaker())) {
                return sentence.text().substring(echo.end());
            }
        }
        return sentence.text();
    }

    /**
     * The moments a name is said (whole words, any case), spaced and capped as for
     * {@link #find}; empty when the transcript never says it.
     */
    public static List<Double> momentsOf(String name, List<Sentence> sentences) {
        Pattern said = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(name.strip()) + "(?![\\p{L}\\p{N}])");
        Set<Integer> indices = new TreeSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (said.matcher(sentences.get(i).text()).find()) {
                indices.add(i);
            }
        }
        return moments(indices, sentences);
    }

    private static List<Double> moments(Set<Integer> indices, List<Sentence> sentences) {
        List<Double> moments = new ArrayList<>();
        for (int index : indices) {
            double start = sentences.get(index).start();
            if (moments.size() == MAX_MOMENTS) {
                break;
            }
            if (moments.isEmpty() || start - moments.getLast() >= MOMENT_GAP) {
                moments.add(start);
            }
        }
        return moments;
    }
}

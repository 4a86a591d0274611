package dev.hark.ai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keyphrases of one part of a text against the whole: word n-grams (1–3 words) that neither
 * start nor end with a stopword and hold no filler, scored by TF-IDF with the parts as the
 * documents, longer phrases favoured. "Noun-ish" is approximated by the stopword list, which
 * also holds the common verbs and adverbs of talk. Pure and thread-safe.
 */
public final class Keyphrases {

    private static final Set<String> STOPWORDS = Set.copyOf(Arrays.asList(("a about above after again against all also am an and any are "
            + "aren't as at be because been before being below between both but by can can't cannot could couldn't did "
            + "didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't "
            + "having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in "
            + "into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or "
            + "other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some "
            + "such than that that's the their theirs them themselves then there there's these they they'd they'll "
            + "they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were "
            + "weren't what what's when when's where where's which while who who's whom why why's will with won't would "
            + "wouldn't you you'd you'll you're you've your yours yourself yourselves "
            // the talk around the topic: fillers, hedges and the commonest verbs of speech
            + "yeah yes yep okay ok oh um uh hmm like just really actually basically literally pretty kind sort lot lots "
            + "thing things stuff something anything everything nothing gonna wanna gotta get got getting go going goes "
            + "went gone know knew think thought say said says saying tell told talk talking talked mean means meant "
            + "want wanted see seen look looking make made making take took come came coming give gave put use used using "
            + "need needs way ways right well sure maybe probably definitely absolutely totally exactly quite much many "
            + "even still already now just then also back around able one two three first second new good great big "
            + "little bit time times day today people person guy guys somebody someone everyone anyone also always never "
            + "sometimes often us let us lets can could might must shall may yet ever every whole "
            + "hey hi hello welcome thanks thank episode podcast show "
            // prepositions, adjectives and verbs that make poor titles on their own
            + "across within without along among upon via per next last different same multiple several various "
            + "whatever whoever however therefore another other others own real certain specific important "
            + "write writes wrote run runs ran work works worked try tried trying find found keep kept start started "
            + "continue listen buy sell call called feel felt seem seems bring brought help helps let lets "
            + "end ends start able unable true false yes fine nice cool awesome interesting").split(" ")));

    private Keyphrases() {
    }

    static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /** The lower-cased words of a text, apostrophes kept inside words. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\p{N}']+")) {
            String word = token.replaceAll("^'+|'+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Candidate phrases of a text with their counts. */
    static Map<String, Integer> candidates(String text) {
        Map<String, Integer> counts = new HashMap<>();
        // sentence and clause breaks end phrases: cut there before taking n-grams
        for (String clause : text.split("[.,;:?!—–()\"]+")) {
            List<String> words = words(clause);
            for (int n = 1; n <= 3; n++) {
                for (int i = 0; i + n <= words.size(); i++) {
                    List<String> gram = words.subList(i, i + n);
                    if (isContent(gram.getFirst()) && isContent(gram.getLast())) {
                        counts.merge(String.join(" ", gram), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static boolean isContent(String word) {
        return word.length() > 2 && !STOPWORDS.contains(word) && !word.chars().allMatch(Character::isDigit)
                && !word.endsWith("ly") && !word.endsWith("'s") && !word.endsWith("n't");
    }

    /**
     * The best phrases of each part, best first, at most {@code limit} per part; a phrase
     * contained in a better one already taken is skipped.
     */
    public static List<List<String>> of(List<String> parts, int limit) {
        List<Map<String, Integer>> counts = parts.stream().map(Keyphrases::candidates).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Map<String, Integer> part : counts) {
            part.keySet().forEach(phrase -> documentFrequency.merge(phrase, 1, Integer::sum));
        }
        List<List<String>> result = new ArrayList<>();
        for (Map<String, Integer> part : counts) {
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            for (Map.Entry<String, Integer> entry : part.entrySet()) {
                int length = entry.getKey().split(" ").length;
                if (entry.getValue() < 2 && length == 1) {
                    continue;
                }
                double idf = Math.log((1.0 + parts.size()) / (1.0 + documentFrequency.get(entry.getKey()))) + 1;
                double score = (1 + Math.log(entry.getValue())) * idf * (1 + 0.6 * (length - 1));
                scored.add(Map.entry(entry.getKey(), score));
            }
            scored.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<String> best = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (Map.Entry<String, Double> entry : scored) {
                if (best.size() >= limit) {
                    break;
                }
                String phrase = entry.getKey();
                if (taken.stream().anyMatch(other -> other.contains(phrase) || phrase.contains(other))) {
                    continue;
                }
                taken.add(phrase);
                best.add(phrase);
            }
            result.add(best);
        }
        return result;
    }

    /**
     * How each word is usually written in a text, where that is not all lower case ("AWS",
     * "Kubernetes"), so titles keep acronyms and names as spoken.
     */
    static Map<String, String> surfaceForms(String text) {
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        for (String token : text.replace('’', '\'').split("[^\\p{L}\\p{N}']+")) {
            String word = token.replaceAll("^'+|'+$", "");
            if (word.length() > 1 && !word.equals(word.toLowerCase(Locale.ROOT))) {
                seen.computeIfAbsent(word.toLowerCase(Locale.ROOT), key -> new HashMap<>()).merge(word, 1, Integer::sum);
            }
        }
        Map<String, String> forms = new HashMap<>();
        seen.forEach((lower, spellings) -> spellings.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                // a word capitalised only at sentence starts is not a name: keep it for title case
                .filter(best -> !best.getKey().substring(1).equals(lower.substring(1)))
                .ifPresent(best -> forms.put(lower, best.getKey())));
        return forms;
    }

    /** A phrase in title case, with the text's own spelling of acronyms and names. */
    static String titleCase(String phrase, Map<String, String> surfaceForms) {
        StringBuilder title = new StringBuilder();
        for (String word : phrase.split(" ")) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            String surface = surfaceForms.get(word);
            title.append(surface != null ? surface : titleWord(word, title.isEmpty()));
        }
        return title.toString();
    }

    private static String titleWord(String word, boolean first) {
        boolean small = Set.of("and", "of", "the", "in", "on", "for", "to", "a", "an", "with", "vs").contains(word);
        return small && !first ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A phrase in title case: "chaos engineering" becomes "Chaos Engineering". */
    static String titleCase(String phrase) {
        return titleCase(phrase, Map.of());
    }
}

package dev.hark.ai;

import dev.hark.transcript.NameFinder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses what a mentioned name is from the name itself and the words around it. Weak by design,
 * since there is no model behind it:
 * <ul>
 *   <li>ORGANISATION: the name ends in a company or institution word ("Inc", "Labs",
 *       "Foundation", "University" …) or is one of a few well-known tech companies;</li>
 *   <li>BOOK: the name follows "book", "novel", "wrote", "author of", perhaps with "called" or quotes;</li>
 *   <li>PERSON: two to four capitalised words that do not read as a company, after "said", "with",
 *       "guest", "according to" … or before "said", "says", "wrote", "joins" …;</li>
 *   <li>PRODUCT: followed by a version number or by "library", "framework", "service", "app" …, after
 *       "using", "install", "deploy" …, or written in inner capitals ("GitHub", "DynamoDB");</li>
 *   <li>OTHER for the rest: places, topics, and everything the cues above miss.</li>
 * </ul>
 * When several cues fire over a name's occurrences, the most frequent wins. Pure; thread-safe.
 */
final class MentionKinds {

    private static final Set<String> ORGANISATION_WORDS = Set.of("inc", "inc.", "llc", "ltd", "gmbh", "corp", "corp.",
            "corporation", "company", "labs", "lab", "foundation", "university", "institute", "college", "group",
            "technologies", "systems", "software", "association", "society", "council", "agency", "ventures",
            "capital", "partners", "bank", "studios", "media", "network", "academy", "school", "hospital", "clinic");
    private static final Set<String> KNOWN_ORGANISATIONS = Set.of("google", "microsoft", "amazon", "apple", "meta",
            "facebook", "netflix", "ibm", "oracle", "openai", "anthropic", "mozilla", "nasa", "cern", "nvidia", "intel",
            "spotify", "twitter", "uber", "airbnb", "salesforce", "adobe", "samsung", "tesla", "mongodb", "stripe",
            "cloudflare", "red hat", "jetbrains", "deepmind", "hugging face", "psf", "python software foundation");

    private static final Pattern BOOK_BEFORE = Pattern.compile(
            "(?i)\\b(?:book|books|novel|wrote|written|author of|reading|read)\\b[\\s,:]*(?:(?:called|titled|named|the)\\s+)*[\"“']?$");
    private static final Pattern PERSON_BEFORE = Pattern.compile(
            "(?i)\\b(?:said|says|with|guest|guests|according to|asked|told|interviewed|thanks|thank you|by|dr\\.?|"
                    + "mr\\.?|ms\\.?|mrs\\.?|professor|prof\\.?)[\\s,]+$");
    private static final Pattern PERSON_AFTER = Pattern.compile(
            "(?i)^\\s*,?\\s*(?:said|says|told|thinks|wrote|writes|joins|joined|argues|explains|tweeted)\\b");
    private static final Pattern PRODUCT_AFTER = Pattern.compile("(?i)^(?:['’]s)?\\s+(?:v?\\d+(?:\\.\\d+)*\\b|"
            + "(?:library|libraries|framework|package|service|services|tool|tools|app|apps|database|sdk|api|apis|"
            + "plugin|extension|language|console|cli|editor|model|models|function|functions|server|cluster)\\b)");
    private static final Pattern PRODUCT_BEFORE = Pattern.compile("(?i)\\b(?:using|use|used|install|installed|"
            + "deploy|deployed|switched to|migrated to|built with|built on|on top of|pip install)\\s+$");
    private static final Pattern INNER_CAPITALS = Pattern.compile("\\p{Ll}\\p{Lu}");
    private static final Pattern SURNAME_PREFIX = Pattern.compile("(?:Mc|Mac|De|Di|Da|La|Le|Van|Von)\\p{Lu}");
    private static final Pattern LEADING_CAPITALS = Pattern.compile("\\p{Lu}{2,}\\p{Ll}");
    private static final int CONTEXT = 40;

    private MentionKinds() {
    }

    /** "VMware", "GitHub": inner capitals that surnames ("McDonald", "DeVito", "O'Neil") do not explain. */
    private static boolean brandSpelling(String word) {
        return (INNER_CAPITALS.matcher(word).find() || LEADING_CAPITALS.matcher(word).lookingAt())
                && !SURNAME_PREFIX.matcher(word).lookingAt();
    }

    static Mention.Kind guess(String name, List<Mentions.Occurrence> occurrences) {
        String lower = name.toLowerCase(Locale.ROOT);
        String[] words = lower.split("\\s+");
        if (ORGANISATION_WORDS.contains(words[words.length - 1]) || words[0].equals("university")
                || KNOWN_ORGANISATIONS.contains(lower)) {
            return Mention.Kind.ORGANISATION;
        }
        boolean personal = words.length >= 2 && NameFinder.looksLikePersonalName(name)
                && Arrays.stream(words).noneMatch(Keyphrases::isStopword)
                && Arrays.stream(name.split("\\s+")).noneMatch(MentionKinds::brandSpelling);
        int book = 0;
        int person = 0;
        int product = 0;
        for (Mentions.Occurrence occurrence : occurrences) {
            String text = occurrence.text();
            String before = text.substring(Math.max(0, occurrence.from() - CONTEXT), occurrence.from());
            String after = text.substring(occurrence.to(), Math.min(text.length(), occurrence.to() + CONTEXT));
            if (BOOK_BEFORE.matcher(before).find()) {
                book++;
            } else if (personal && (PERSON_BEFORE.matcher(before).find() || PERSON_AFTER.matcher(after).find())) {
                person++;
            } else if (PRODUCT_AFTER.matcher(after).find() || PRODUCT_BEFORE.matcher(before).find()) {
                product++;
            }
        }
        if (book > 0 && book >= person && book >= product) {
            return Mention.Kind.BOOK;
        }
        if (person > 0 && person >= product) {
            return Mention.Kind.PERSON;
        }
        if (product > 0 || INNER_CAPITALS.matcher(name).find()) {
            return Mention.Kind.PRODUCT;
        }
        return Mention.Kind.OTHER;
    }
}

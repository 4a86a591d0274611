package dev.hark.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names in titles, descriptions and the opening minutes of a transcript, by
 * phrase patterns ("with Jane Doe", "Jane Doe joins us", "I'm Jane") and capitalisation. Pure
 * and thread-safe. English only. Public for {@code ai.Mentions}, which looks for the same cues.
 */
public final class NameFinder {

    /** One to four capitalised words; trimmed of common capitalised non-names afterwards. */
    private static final String NAME = "(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3})";
    private static final Set<String> NOT_NAMES = Set.of("The", "This", "That", "Today", "Tonight", "We", "I", "It", "In",
            "On", "And", "But", "So", "Our", "My", "Your", "Welcome", "Thanks", "Thank", "Podcast", "Episode", "Show",
            "Part", "About", "How", "What", "Why", "Who", "When", "Where", "Hello", "Hi", "Hey", "Everyone", "Us", "Me",
            "You", "Here", "Really", "Very", "Just", "Not", "Going", "Sure", "Happy", "Excited", "Glad", "Good", "Fine",
            "Also", "Still", "Back", "A", "An", "All", "Special", "Guest", "Guests", "Host", "Season", "Bonus", "Live",
            "Q", "Yes", "No", "Yeah", "Well", "Okay", "OK", "Great", "Of", "For", "To", "At", "With", "From", "Is", "Are",
            "He", "She", "They", "Let", "There", "I'm", "I’m", "We're", "We’re", "You're", "You’re", "I've", "I’ve",
            "I'll", "I’ll", "I'd", "I’d");

    private static final Pattern GUEST_BEFORE_NAME = Pattern.compile("(?i:\\b(?:with|featuring|feat\\.|ft\\.|guests?:?"
            + "|interview(?:ing)? with|conversation with|talks? (?:to|with)|speaks? (?:to|with)|please welcome"
            + "|welcome(?:s| back)?(?: to the show)?,?|we have|with us(?: today| here| now)?(?: is)?"
            + "|joining (?:us|me)(?: today| now)?(?: is)?|(?:my|our) guests? (?:today |this week )?(?:is|are),?))\\s+" + NAME);
    private static final Pattern NAME_BEFORE_JOINS = Pattern.compile(NAME
            + "(?:,[^,.]{1,80},)?\\s+(?i:joins|is joining|returns|stops by|drops by|sits down|is here|is with us|is back)");
    private static final Pattern TITLE_LEADS_WITH_NAME = Pattern.compile("^" + NAME + "\\s*(?:[:|–—]|\\s-\\s)");
    private static final Pattern SELF_INTRODUCTION = Pattern.compile(
            "(?i:\\b(?:i'm|i’m|i am|my name is|this is your host|i'm your host|i’m your host),?)\\s+" + NAME);
    private static final Pattern HOST_WORDS = Pattern.compile("(?i)\\b(?:welcome (?:to|back)|you're listening to"
            + "|you’re listening to|i'm your host|i’m your host|joins us|joining us|joining me|with us (?:today|here|now)"
            + "|today with us|my guests?|our guests?|please welcome|say hi|introduce yourself"
            + "|tell us (?:a (?:little )?bit )?about yourself)\\b");
    private static final Pattern GUEST_WORDS = Pattern.compile("(?i)\\b(?:thanks?(?: you)?(?: very much| so much)?"
            + " for having me|(?:glad|happy|great|excited|thrilled) to be here|pleasure to be here"
            + "|thanks for inviting me|thank you for inviting me)\\b");

    private NameFinder() {
    }

    /** Names a title or description presents as guests: "with Jane Doe", "Jane Doe joins …", "Jane Doe: …". */
    static List<String> guestsInMetadata(String text, boolean title) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        collect(GUEST_BEFORE_NAME, text, names, 2);
        collect(NAME_BEFORE_JOINS, text, names, 2);
        if (title) {
            collect(TITLE_LEADS_WITH_NAME, text.strip(), names, 2);
        }
        return names;
    }

    /** Names a speaker introduces as someone else: "we have Jane Doe", "Jane joins us". */
    public static List<String> guestsMentioned(String text) {
        List<String> names = new ArrayList<>();
        collect(GUEST_BEFORE_NAME, text, names, 1);
        collect(NAME_BEFORE_JOINS, text, names, 1);
        return names;
    }

    /** The name a speaker gives as their own: "I'm Jane Doe", "my name is Jane". */
    static List<String> selfIntroductions(String text) {
        List<String> names = new ArrayList<>();
        collect(SELF_INTRODUCTION, text, names, 1);
        return names;
    }

    /** True for words a host says: a welcome, an introduction of a guest. */
    static boolean soundsLikeHost(String text) {
        return HOST_WORDS.matcher(text).find();
    }

    /** True for words a guest says: "thanks for having me". */
    static boolean soundsLikeGuest(String text) {
        return GUEST_WORDS.matcher(text).find();
    }

    /** True if {@code text} is two to four capitalised words, like a person's name rather than a company's. */
    public static boolean looksLikePersonalName(String text) {
        String name = clean(text);
        return name != null && name.equals(text.strip()) && name.split("\\s+").length >= 2
                && !text.matches("(?i).*\\b(?:media|podcasts?|network|studios?|radio|news|inc|llc|ltd|productions?"
                + "|fm|group|company|team|show|labs?|press|public|demo|audio|records|university|institute)\\b.*");
    }

    /** True for capitalised words that are not names: "The", "So", "I'm", "Welcome" … */
    public static boolean isCommonCapitalisedWord(String word) {
        return NOT_NAMES.contains(word);
    }

    private static void collect(Pattern pattern, String text, List<String> names, int minWords) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String name = clean(matcher.group(1));
            if (name != null && name.split("\\s+").length >= minWords && !names.contains(name)) {
                names.add(name);
            }
        }
    }

    /** The leading run of words that are not common capitalised words, without trailing punctuation; null if none. */
    static String clean(String candidate) {
        List<String> kept = new ArrayList<>();
        for (String word : candidate.strip().split("\\s+")) {
            String bare = word.replaceAll("[.’'-]+$", "").replaceAll("(?:'s|’s)$", "");
            if (bare.isEmpty() || NOT_NAMES.contains(bare)) {
                break;
            }
            kept.add(bare);
            if (!bare.equals(word.replaceAll("(?:'s|’s)$", ""))) {
                break; // a word ended in punctuation: the name ends here
            }
        }
        return kept.isEmpty() ? null : String.join(" ", kept);
    }
}

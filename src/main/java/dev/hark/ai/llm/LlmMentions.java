package dev.hark.ai.llm;

import dev.hark.ai.Mention;
import dev.hark.ai.Mentions;
import dev.hark.ai.Passage;
import dev.hark.ai.Sentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people, organisations, products and books an episode names, as a language model reads
 * them, part by part; each name is then looked up in the transcript for its moments, and a
 * name the transcript never says is dropped (so an invented one cannot appear). Names Hark
 * found locally and the model did not are kept after the model's, with the model's kind when
 * it gave one. Thread-safe if the {@link Llm} is.
 */
public final class LlmMentions {

    /** Stored with cached mentions; raise it when the prompt changes. */
    public static final int PROMPT_VERSION = 1;

    static final String SYSTEM = "You list the names said in podcast transcripts. Use only names that appear in the "
            + "text, spelled as they appear there.";
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:[-*•]|\\d+[.)])?\\s*\\**(person|people|organi[sz]ation|company|product|book)\\**\\s*[:\\-–]\\s*(.+?)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final Llm llm;
    private final LlmSettings settings;

    public LlmMentions(Llm llm, LlmSettings settings) {
        this.llm = llm;
        this.settings = settings;
    }

    /**
     * The mentions of an episode: the model's, then the local ones it missed.
     *
     * @param local what {@link Mentions#find} found, ordered as it orders them
     * @throws LlmException when the model fails or names nothing the transcript says
     */
    public List<Mention> find(List<Passage> passages, List<Mention> local) throws LlmException, InterruptedException {
        List<Sentence> sentences = passages.stream().flatMap(p -> p.sentences().stream()).toList();
        Map<String, Named> named = new LinkedHashMap<>();
        for (List<Passage> chunk : TranscriptChunks.of(passages, settings.contextTokens() - LlmSummary.RESERVED_TOKENS)) {
            String reply = llm.chat(List.of(ChatMessage.system(SYSTEM), ChatMessage.user("Transcript:\n"
                    + TranscriptChunks.render(chunk) + "\n\nList every person, organisation, product and book named "
                    + "in this transcript, one per line as \"kind: name\", where kind is person, organisation, product "
                    + "or book. Leave out the speakers' own names unless others talk about them. Write nothing else.")));
            for (Named name : parse(reply)) {
                named.merge(name.name().toLowerCase(Locale.ROOT), name, (a, b) -> a);
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (Named name : named.values()) {
            List<Double> moments = Mentions.momentsOf(name.name(), sentences);
            if (!moments.isEmpty()) {
                mentions.add(new Mention(name.name(), name.kind(), moments));
            }
        }
        if (mentions.isEmpty() && !passages.isEmpty()) {
            throw new LlmException("The language model named nothing that the transcript says.");
        }
        Map<String, Mention.Kind> kinds = new HashMap<>();
        mentions.forEach(m -> kinds.put(m.name().toLowerCase(Locale.ROOT), m.kind()));
        for (Mention mention : local) {
            String key = mention.name().toLowerCase(Locale.ROOT);
            if (!kinds.containsKey(key) && mentions.size() < Mentions.MAX_MENTIONS) {
                mentions.add(mention);
            }
        }
        return mentions.stream().limit(Mentions.MAX_MENTIONS).toList();
    }

    /** A name and its kind as the model gave them. */
    record Named(String name, Mention.Kind kind) {
    }

    /** The "kind: name" lines of a reply; other lines are ignored. */
    static List<Named> parse(String reply) {
        List<Named> names = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(2).replaceAll("^[\"“*]+|[\"”*.,;]+$", "").strip();
            if (name.length() < 2 || name.length() > 80) {
                continue;
            }
            names.add(new Named(name, kind(matcher.group(1))));
        }
        return names;
    }

    private static Mention.Kind kind(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.startsWith("person") || lower.equals("people")) {
            return Mention.Kind.PERSON;
        }
        if (lower.startsWith("organ") || lower.equals("company")) {
            return Mention.Kind.ORGANISATION;
        }
        return lower.equals("book") ? Mention.Kind.BOOK : Mention.Kind.PRODUCT;
    }
}

package dev.hark.transcript;

import dev.hark.feed.TranscriptRef;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the publisher transcript to fetch from an episode's {@code <podcast:transcript>} links.
 * Pure and thread-safe.
 *
 * <p>Language first: a link in the feed's language, or with no language, beats one in another
 * language (compared on the primary subtag, so "en-US" matches "en"). Then format, by how much
 * each keeps: JSON (speakers, and often word times) &gt; VTT (speakers in voice tags) &gt; SRT
 * &gt; HTML (usually no times) &gt; plain text &gt; a type Hark does not know. The format comes
 * from the link's {@code type}, else from the URL's extension. {@code rel="captions"} makes no
 * difference. Ties keep feed order.
 */
public final class TranscriptChooser {

    private TranscriptChooser() {
    }

    /** The best link, or empty when there is none with a URL. */
    public static Optional<TranscriptRef> choose(List<TranscriptRef> links, String feedLanguage) {
        return rank(links, feedLanguage).stream().findFirst();
    }

    /** Every link with a URL, best first: the order to try them in. */
    public static List<TranscriptRef> rank(List<TranscriptRef> links, String feedLanguage) {
        String wanted = primary(feedLanguage);
        return links.stream()
                .filter(link -> link.url() != null && !link.url().isBlank())
                .sorted(Comparator.<TranscriptRef>comparingInt(link -> languageRank(link, wanted))
                        .thenComparingInt(TranscriptChooser::formatRank))
                .toList();
    }

    /** The format a link promises, from its type or else its URL; empty when neither says. */
    public static Optional<TranscriptFormat> format(TranscriptRef link) {
        return TranscriptFormat.fromContentType(link.type()).or(() -> TranscriptFormat.fromFileName(link.url()));
    }

    private static int languageRank(TranscriptRef link, String wanted) {
        String language = primary(link.language());
        return wanted == null || language == null || language.equals(wanted) ? 0 : 1;
    }

    private static int formatRank(TranscriptRef link) {
        return format(link).map(format -> switch (format) {
            case JSON -> 0;
            case VTT -> 1;
            case SRT -> 2;
            case HTML -> 3;
            case TEXT -> 4;
        }).orElse(5);
    }

    private static String primary(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        return language.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}

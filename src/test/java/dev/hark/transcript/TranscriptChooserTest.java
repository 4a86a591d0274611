package dev.hark.transcript;

import dev.hark.feed.TranscriptRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptChooserTest {

    private static TranscriptRef link(String url, String type, String language, String rel) {
        return new TranscriptRef(url, type, language, rel);
    }

    @Test
    void json_beats_vtt_beats_srt_beats_html_beats_text() {
        List<TranscriptRef> links = List.of(
                link("https://a.example/t.txt", "text/plain", null, null),
                link("https://a.example/t.html", "text/html", null, null),
                link("https://a.example/t.srt", "application/x-subrip", null, null),
                link("https://a.example/t.vtt", "text/vtt", null, "captions"),
                link("https://a.example/t.json", "application/json", null, null));

        assertThat(TranscriptChooser.rank(links, "en")).extracting(TranscriptRef::url).containsExactly(
                "https://a.example/t.json", "https://a.example/t.vtt", "https://a.example/t.srt",
                "https://a.example/t.html", "https://a.example/t.txt");
    }

    @Test
    void the_feeds_language_beats_a_better_format_in_another_language() {
        List<TranscriptRef> links = List.of(
                link("https://a.example/es.json", "application/json", "es", null),
                link("https://a.example/en.srt", "application/srt", "en-US", null));

        assertThat(TranscriptChooser.choose(links, "en")).map(TranscriptRef::url).contains("https://a.example/en.srt");
    }

    @Test
    void a_link_without_a_language_counts_as_the_feeds_language() {
        List<TranscriptRef> links = List.of(
                link("https://a.example/en.vtt", "text/vtt", "en", null),
                link("https://a.example/any.json", "application/json", null, null));

        assertThat(TranscriptChooser.choose(links, "en-gb")).map(TranscriptRef::url).contains("https://a.example/any.json");
    }

    @Test
    void with_no_feed_language_only_the_format_counts() {
        List<TranscriptRef> links = List.of(
                link("https://a.example/de.vtt", "text/vtt", "de", null),
                link("https://a.example/fr.json", "application/json", "fr", null));

        assertThat(TranscriptChooser.choose(links, null)).map(TranscriptRef::url).contains("https://a.example/fr.json");
    }

    @Test
    void the_url_extension_stands_in_for_a_missing_or_unknown_type_and_unknowns_go_last() {
        List<TranscriptRef> links = List.of(
                link("https://a.example/mystery", "application/octet-stream", null, null),
                link("https://a.example/t.srt?token=1", null, null, null),
                link("https://a.example/t.vtt", "application/x-unknown", null, null));

        assertThat(TranscriptChooser.rank(links, "en")).extracting(TranscriptRef::url).containsExactly(
                "https://a.example/t.vtt", "https://a.example/t.srt?token=1", "https://a.example/mystery");
    }

    @Test
    void links_without_a_url_are_never_chosen() {
        assertThat(TranscriptChooser.choose(List.of(link(" ", "application/json", null, null)), "en")).isEmpty();
        assertThat(TranscriptChooser.choose(List.of(), "en")).isEmpty();
    }
}

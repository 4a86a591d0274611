package dev.hark.chapters;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterChoiceTest {

    private static Chapters some(String source) {
        return new Chapters(List.of(Chapter.of(0, source)), source);
    }

    private static Chapters none(String source) {
        return new Chapters(List.of(), source);
    }

    @Test
    void publisher_json_beats_podlove_beats_id3_beats_show_notes() {
        List<String> order = List.of(Chapters.PUBLISHER_JSON, Chapters.PODLOVE, Chapters.ID3, Chapters.SHOW_NOTES);
        for (int better = 0; better < order.size(); better++) {
            for (int worse = better + 1; worse < order.size(); worse++) {
                Chapters high = some(order.get(better));
                Chapters low = some(order.get(worse));
                assertThat(ChapterChoice.better(Optional.of(high), low)).isSameAs(high);
                assertThat(ChapterChoice.better(Optional.of(low), high)).isSameAs(high);
            }
        }
    }

    @Test
    void an_empty_list_loses_to_any_chapters_whatever_its_source() {
        Chapters notes = some(Chapters.SHOW_NOTES);
        assertThat(ChapterChoice.better(Optional.of(none(Chapters.PUBLISHER_JSON)), notes)).isSameAs(notes);
        Chapters id3 = some(Chapters.ID3);
        assertThat(ChapterChoice.better(Optional.of(id3), none(Chapters.PUBLISHER_JSON))).isSameAs(id3);
    }

    @Test
    void a_new_reading_of_the_same_source_replaces_the_old_and_anything_beats_nothing() {
        Chapters older = some(Chapters.ID3);
        Chapters newer = new Chapters(List.of(Chapter.of(5, "New")), Chapters.ID3);
        assertThat(ChapterChoice.better(Optional.of(older), newer)).isSameAs(newer);
        assertThat(ChapterChoice.better(Optional.empty(), none(Chapters.ID3))).isEqualTo(none(Chapters.ID3));
    }
}

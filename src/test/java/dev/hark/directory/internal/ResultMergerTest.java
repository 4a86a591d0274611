package dev.hark.directory.internal;

import dev.hark.directory.DirectoryResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hark.directory.DirectoryResult.ITUNES;
import static dev.hark.directory.DirectoryResult.PODCAST_INDEX;
import static org.assertj.core.api.Assertions.assertThat;

class ResultMergerTest {

    @Test
    void lists_are_taken_in_turns_keeping_each_directorys_order() {
        List<DirectoryResult> index = List.of(result("P1", PODCAST_INDEX), result("P2", PODCAST_INDEX),
                result("P3", PODCAST_INDEX));
        List<DirectoryResult> itunes = List.of(result("I1", ITUNES));

        assertThat(ResultMerger.merge(List.of(index, itunes), 10)).extracting(DirectoryResult::title)
                .containsExactly("P1", "I1", "P2", "P3");
    }

    @Test
    void a_feed_listed_by_both_keeps_the_first_listing_and_its_place() {
        DirectoryResult fromIndex = new DirectoryResult("Show", "Index Author", "https://Feeds.Example.com/show/", null,
                PODCAST_INDEX, null, "About the show");
        DirectoryResult fromItunes = new DirectoryResult("Show (iTunes)", "iTunes Author", "http://feeds.example.com/show",
                "https://art.example/600.jpg", ITUNES, 42, null);

        List<DirectoryResult> merged = ResultMerger.merge(
                List.of(List.of(fromIndex), List.of(result("I0", ITUNES), fromItunes)), 10);

        assertThat(merged).containsExactly(
                new DirectoryResult("Show", "Index Author", "https://Feeds.Example.com/show/",
                        "https://art.example/600.jpg", PODCAST_INDEX, 42, "About the show"),
                result("I0", ITUNES));
    }

    @Test
    void a_feed_repeated_within_one_directory_appears_once() {
        List<DirectoryResult> itunes = List.of(result("A", ITUNES), result("B", ITUNES), result("A", ITUNES));

        assertThat(ResultMerger.merge(List.of(itunes), 10)).extracting(DirectoryResult::title).containsExactly("A", "B");
    }

    @Test
    void the_merged_list_is_cut_to_the_limit_after_interleaving() {
        List<DirectoryResult> index = List.of(result("P1", PODCAST_INDEX), result("P2", PODCAST_INDEX));
        List<DirectoryResult> itunes = List.of(result("I1", ITUNES), result("I2", ITUNES));

        assertThat(ResultMerger.merge(List.of(index, itunes), 3)).extracting(DirectoryResult::title)
                .containsExactly("P1", "I1", "P2");
    }

    @Test
    void no_lists_merge_to_nothing() {
        assertThat(ResultMerger.merge(List.of(), 10)).isEmpty();
        assertThat(ResultMerger.merge(List.of(List.of(), List.of()), 10)).isEmpty();
    }

    private static DirectoryResult result(String title, String source) {
        return new DirectoryResult(title, null, "https://feeds.example.com/" + title, null, source, null, null);
    }
}

package dev.hark.refresh;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshSummaryTest {

    @Test
    void outcomes_are_tallied_from_result_lines() {
        List<String> lines = Arrays.asList(
                new RefreshResult.Updated(1, "A: the show", 3, 10, null).line(),
                new RefreshResult.Updated(2, "B", 1, 5, "https://new.example/feed").line(),
                new RefreshResult.Unchanged(3, "C").line(),
                new RefreshResult.Failed(4, "D", "The feed was not found (404)").line(),
                new RefreshResult.Gone(5, "E").line(),
                null);

        RefreshSummary summary = RefreshSummary.of(lines);

        assertThat(summary).isEqualTo(new RefreshSummary(6, 2, 4, 1, 1,
                List.of("D: The feed was not found (404)", "a refresh did not finish")));
        assertThat(summary.sentence())
                .isEqualTo("Refreshed 6 feeds: 4 new episodes in 2 updated feeds, 1 unchanged, 2 failed, 1 gone.");
    }
}

package dev.hark.ai;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChapterEvalTest {

    @Test
    void boundaries_within_the_tolerance_match_and_the_opening_is_left_out() {
        ChapterEval.Score score = ChapterEval.boundaries(List.of(0.0, 100.0, 290.0, 500.0), List.of(0.0, 120.0, 300.0, 600.0,
                900.0), 30);

        // 100↔120 and 290↔300 match; 500 is 100 s from 600
        assertThat(score).isEqualTo(ChapterEval.Score.of(3, 4, 2));
        assertThat(score.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(score.f1()).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void matching_is_one_to_one_and_closest_pairs_go_first() {
        // 110 could match 100 or 130; 100 is closer to 95, so 110 takes 130 (20 s)
        ChapterEval.Score score = ChapterEval.boundaries(List.of(95.0, 110.0), List.of(100.0, 130.0), 30);
        assertThat(score).isEqualTo(new ChapterEval.Score(2, 2, 2, 1, 1, 1));

        // two found boundaries near one reference: only one counts
        assertThat(ChapterEval.boundaries(List.of(95.0, 105.0), List.of(100.0), 30)).isEqualTo(
                new ChapterEval.Score(2, 1, 1, 0.5, 1, 2 * 0.5 / 1.5));
    }

    @Test
    void the_tolerance_is_inclusive() {
        assertThat(ChapterEval.boundaries(List.of(130.0), List.of(100.0), 30).matched()).isEqualTo(1);
        assertThat(ChapterEval.boundaries(List.of(130.5), List.of(100.0), 30).matched()).isZero();
    }

    @Test
    void empty_sides_have_defined_scores() {
        assertThat(ChapterEval.boundaries(List.of(0.0), List.of(0.0), 30)).isEqualTo(new ChapterEval.Score(0, 0, 0, 1, 1, 1));
        assertThat(ChapterEval.boundaries(List.of(0.0), List.of(0.0, 60.0), 30)).isEqualTo(new ChapterEval.Score(0, 1, 0, 0, 0, 0));
        assertThat(ChapterEval.boundaries(List.of(60.0), List.of(0.0), 30)).isEqualTo(new ChapterEval.Score(1, 0, 0, 0, 1, 0));
    }

    @Test
    void totals_sum_the_counts() {
        ChapterEval.Score total = ChapterEval.Score.of(3, 4, 2).plus(ChapterEval.Score.of(1, 0, 0));

        assertThat(total).isEqualTo(ChapterEval.Score.of(4, 4, 2));
        assertThat(total.precision()).isEqualTo(0.5);
    }
}

package dev.hark.ai.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MomentsTest {

    @Test
    void moments_under_an_hour_are_minutes_and_seconds() {
        assertThat(Moments.format(0)).isEqualTo("[00:00]");
        assertThat(Moments.format(65.9)).isEqualTo("[01:05]");
        assertThat(Moments.format(3599)).isEqualTo("[59:59]");
    }

    @Test
    void moments_past_an_hour_carry_hours() {
        assertThat(Moments.format(3600)).isEqualTo("[1:00:00]");
        assertThat(Moments.format(3 * 3600 + 62)).isEqualTo("[3:01:02]");
        assertThat(Moments.clock(4000)).isEqualTo("1:06:40");
    }

    @Test
    void negative_seconds_are_the_start() {
        assertThat(Moments.format(-3)).isEqualTo("[00:00]");
    }

    @Test
    void every_citation_is_read_in_order() {
        assertThat(Moments.parse("- Pricing [12:05] and later [1:02:03]; see also [3:07]."))
                .containsExactly(725.0, 3723.0, 187.0);
    }

    @Test
    void brackets_with_several_times_or_a_range_give_each_time() {
        assertThat(Moments.parse("Both [12:05, 14:30] and [01:00–02:00] and [5:00 - 6:00]"))
                .containsExactly(725.0, 870.0, 60.0, 120.0, 300.0, 360.0);
    }

    @Test
    void minutes_past_59_without_hours_are_read_as_minutes() {
        assertThat(Moments.parse("[75:30]")).containsExactly(4530.0);
    }

    @Test
    void what_is_not_a_moment_is_ignored() {
        assertThat(Moments.parse("[12:75] [1:75:00] [note] 12:30 [a 12:30] (12:30)")).isEmpty();
    }

    @Test
    void formatted_moments_read_back() {
        for (double seconds : new double[] {0, 59, 60, 3599, 3600, 7322}) {
            assertThat(Moments.parse(Moments.format(seconds))).containsExactly(seconds);
        }
    }

    @Test
    void strip_removes_citations_and_tidies_spaces() {
        assertThat(Moments.strip("Why prices rose [12:05], and what next [1:02:03 - 1:03:00]."))
                .isEqualTo("Why prices rose, and what next.");
    }
}

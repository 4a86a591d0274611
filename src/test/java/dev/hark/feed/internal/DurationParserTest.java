package dev.hark.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "45          | 45",
        "3723        | 3723",
        "3723.9      | 3723",
        "0:45        | 45",
        "1:02        | 62",
        "61:08       | 3668",
        "01:02:03    | 3723",
        "1:2:3       | 3723",
        "01:02:03.500| 3723",
        "01:02:03,5  | 3723",
        "' 25:03:30 '| 90210",
        "1h 2m 3s    | 3723",
        "1 hour 2 minutes | 3720",
        "45 min      | 2700",
        "PT1H2M3S    | 3723",
    })
    void seconds_mm_ss_and_hh_mm_ss_with_fractions_become_whole_seconds(String text, long expected) {
        assertThat(DurationParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "0", "00:00", "00:00:00", "abc", "1:2:3:4", "-5", "12 parsecs", "1::2"})
    void zero_and_unreadable_durations_are_null(String text) {
        assertThat(DurationParser.parse(text)).isNull();
    }

    @Test
    void missing_duration_is_null() {
        assertThat(DurationParser.parse(null)).isNull();
    }
}

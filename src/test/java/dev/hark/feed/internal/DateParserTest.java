package dev.hark.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    /** 1997-11-21 15:55:06 UTC. */
    private static final long INSTANT = 880_127_706L;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Fri, 21 Nov 1997 09:55:06 -0600",
        "21 Nov 1997 09:55:06 -0600",              // no day name
        "Mon, 21 Nov 1997 09:55:06 -0600",         // wrong day name
        "Fri, 21 Nov 97 09:55:06 -0600",           // two-digit year
        "Fri,21 Nov 1997 09:55:06 -0600",          // no space after the comma
        "Fri, 21 Nov 1997 15:55:06 GMT",
        "Fri, 21 Nov 1997 15:55:06 UT",
        "Fri, 21 Nov 1997 15:55:06 UTC",
        "Fri, 21 Nov 1997 15:55:06 Z",
        "Fri, 21 Nov 1997 10:55:06 EST",
        "Fri, 21 Nov 1997 11:55:06 EDT",
        "Fri, 21 Nov 1997 09:55:06 CST",
        "Fri, 21 Nov 1997 08:55:06 PDT",
        "Fri, 21 Nov 1997 07:55:06 PST",
        "Fri, 21 Nov 1997 16:55:06 CET",
        "Fri, 21 Nov 1997 16:55:06 +0100",
        "Fri, 21 Nov 1997 16:55:06 +01:00",
        "Fri, 21 Nov 1997 16:55:06 0100",          // numeric zone without a sign
        "Fri, 21 Nov 1997 15:55:06 -0000",
        "Fri, 21 Nov 1997 15:55:06",               // no zone: UTC
        "Fri, 21 Nov 1997 15:55:06 XYZ",           // unknown zone: UTC
        "Friday, 21 November 1997 15:55:06 GMT",   // full names
        "Fri Nov 21 15:55:06 1997",                // asctime
        "Fri, 21 Nov 1997 03:55:06 PM GMT",
        "1997-11-21T15:55:06Z",
        "1997-11-21T15:55:06.123Z",
        "1997-11-21T16:55:06+01:00",
        "1997-11-21T16:55:06+0100",
        "1997-11-21T10:55:06-05",
        "1997-11-21T15:55:06",                     // no zone: UTC
        "1997-11-21 15:55:06",
        "1997-11-21 16:55:06 +01:00",
        "  Fri, 21 Nov 1997 15:55:06 GMT  ",
    })
    void common_and_broken_date_variants_give_the_same_instant(String text) {
        assertThat(DateParser.parse(text)).isEqualTo(INSTANT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Fri, 21 Nov 1997 15:55 GMT   | 880127700",   // no seconds
        "21 Nov 1997                  | 880070400",   // no time: midnight UTC
        "1997-11-21                   | 880070400",
        "Mon, 02 May 1960 09:05:01 +0100 | -305049299", // before 1970
        "Sun, 11 Feb 2018 2:00 PM EST | 1518375600",
        "Thu, 01 Jan 1970 00:00:00 GMT | 0",
    })
    void partial_and_unusual_dates_are_read(String text, long expected) {
        assertThat(DateParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "not a date", "Fri, 31 Feb 1997 10:00:00 GMT", "Fri, 21 Nov 1997 25:00:00 GMT",
        "1997-13-01T00:00:00Z", "Nov 1997", "12345"})
    void unreadable_dates_are_null(String text) {
        assertThat(DateParser.parse(text)).isNull();
    }

    @Test
    void missing_date_is_null() {
        assertThat(DateParser.parse(null)).isNull();
    }
}

package dev.hark.media;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTest {

    private static final long LENGTH = 1000;
    private static final String ETAG = "\"3e8-18f\"";
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    @ParameterizedTest(name = "{0} of 1000 bytes is bytes {1}..{2}")
    @CsvSource({
            "'bytes=0-499',    0,   499",
            "'bytes=500-999',  500, 999",
            "'bytes=500-',     500, 999",
            "'bytes=-500',     500, 999",
            "'bytes=-1',       999, 999",
            "'bytes=-5000',    0,   999",
            "'bytes=900-5000', 900, 999",
            "'bytes=999-999',  999, 999",
            "' bytes = 10-19 ', 10, 19",
            "'BYTES=10-19',    10,  19",
            "'bytes=10-19,',   10,  19"})
    void a_single_range_is_a_part(String header, long start, long end) {
        assertThat(ByteRange.parse(header, LENGTH)).isEqualTo(new ByteRange.Part(start, end));
    }

    @ParameterizedTest(name = "{0} is unsatisfiable")
    @CsvSource({"'bytes=1000-'", "'bytes=1000-1001'", "'bytes=-0'", "'bytes=99999999999999999999-'"})
    void a_range_past_the_end_is_unsatisfiable(String header) {
        assertThat(ByteRange.parse(header, LENGTH)).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @Test
    void any_range_of_an_empty_file_is_unsatisfiable() {
        assertThat(ByteRange.parse("bytes=0-", 0)).isEqualTo(new ByteRange.Unsatisfiable());
        assertThat(ByteRange.parse("bytes=-10", 0)).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @ParameterizedTest(name = "{0} is ignored: the whole file")
    @CsvSource({"''", "'bytes=5-2'", "'bytes=abc'", "'bytes=-'", "'items=0-10'", "'bytes 0-10'", "'bytes=1-2-3'",
            "'bytes=+1-2'", "'bytes='", "'bytes=0-1,5-9'", "'bytes=0-1, 2-3'"})
    void malformed_or_multiple_ranges_mean_the_whole_file(String header) {
        assertThat(ByteRange.parse(header, LENGTH)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void no_header_is_the_whole_file() {
        assertThat(ByteRange.parse(null, LENGTH)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void a_part_says_its_content_range() {
        assertThat(new ByteRange.Part(500, 999).contentRange(LENGTH).header()).isEqualTo("bytes 500-999/1000");
        assertThat(new ByteRange.Part(500, 999).length()).isEqualTo(500);
        assertThat(ContentRange.unsatisfied(LENGTH).header()).isEqualTo("bytes */1000");
    }

    @Test
    void if_range_with_the_current_etag_keeps_the_range() {
        assertThat(ByteRange.of("bytes=0-9", ETAG, LENGTH, ETAG, MODIFIED)).isEqualTo(new ByteRange.Part(0, 9));
    }

    @Test
    void if_range_with_another_etag_sends_the_whole_file() {
        assertThat(ByteRange.of("bytes=0-9", "\"old\"", LENGTH, ETAG, MODIFIED)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void a_weak_etag_in_if_range_never_matches() {
        assertThat(ByteRange.of("bytes=0-9", "W/" + ETAG, LENGTH, ETAG, MODIFIED)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void if_range_with_the_exact_modification_date_keeps_the_range() {
        assertThat(ByteRange.of("bytes=0-9", "Fri, 02 Jan 2026 03:04:05 GMT", LENGTH, ETAG, MODIFIED.plusMillis(700)))
                .isEqualTo(new ByteRange.Part(0, 9));
        assertThat(ByteRange.of("bytes=0-9", "Fri, 02 Jan 2026 03:04:04 GMT", LENGTH, ETAG, MODIFIED))
                .isEqualTo(new ByteRange.Whole());
        assertThat(ByteRange.of("bytes=0-9", "yesterday", LENGTH, ETAG, MODIFIED)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void if_range_does_not_turn_an_unsatisfiable_range_into_a_416_when_it_fails() {
        assertThat(ByteRange.of("bytes=5000-", "\"old\"", LENGTH, ETAG, MODIFIED)).isEqualTo(new ByteRange.Whole());
        assertThat(ByteRange.of("bytes=5000-", ETAG, LENGTH, ETAG, MODIFIED)).isEqualTo(new ByteRange.Unsatisfiable());
    }

    @Test
    void http_dates_are_written_with_a_two_digit_day_and_read_back() {
        assertThat(HttpDate.format(MODIFIED)).isEqualTo("Fri, 02 Jan 2026 03:04:05 GMT");
        assertThat(HttpDate.parse("Fri, 02 Jan 2026 03:04:05 GMT")).contains(MODIFIED);
        assertThat(HttpDate.parse("02/01/2026")).isEqualTo(Optional.empty());
    }

    @Test
    void content_range_headers_are_read_strictly() {
        assertThat(ContentRange.parse("bytes 0-499/1234")).contains(ContentRange.of(0, 499, 1234));
        assertThat(ContentRange.parse("bytes 0-499/*")).contains(new ContentRange(0L, 499L, null));
        assertThat(ContentRange.parse("bytes */1234")).contains(ContentRange.unsatisfied(1234));
        assertThat(ContentRange.parse("bytes 500-499/1234")).isEmpty();
        assertThat(ContentRange.parse("bytes 0-1234/1234")).isEmpty();
        assertThat(ContentRange.parse("0-499/1234")).isEmpty();
        assertThat(ContentRange.parse(null)).isEmpty();
    }
}

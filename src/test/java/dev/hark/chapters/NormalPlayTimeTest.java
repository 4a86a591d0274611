package dev.hark.chapters;

import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NormalPlayTimeTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "01, 1", "01:02, 62", "01:02:03, 3723", "01:02:03.400, 3723.4", "00:00:01.234, 1.234",
            "90:00, 5400", "' 7 ', 7", "1.5, 1.5"})
    void podlove_times_read_as_seconds(String text, double seconds) {
        assertThat(NormalPlayTime.parse(text)).hasValue(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1:60", "1:61:00", "-1", "1:2:3:4", "12:34 Intro", "1,5"})
    void other_text_is_not_a_time(String text) {
        assertThat(NormalPlayTime.parse(text)).isEmpty();
    }

    @Test
    void every_start_of_the_inline_simple_chapters_fixture_reads() throws Exception {
        String feed = Files.readString(LoopbackFeedServer.sharedFixture("fixtures/feeds/gp-psc-chapters-inline.xml"));
        var starts = Pattern.compile("<psc:chapter start=\"([^\"]*)\"").matcher(feed).results()
                .map(m -> NormalPlayTime.parse(m.group(1)).orElseThrow()).toList();

        assertThat(starts).containsExactly(0.0, 1.0, 62.0, 3723.0, 3723.4);
    }
}

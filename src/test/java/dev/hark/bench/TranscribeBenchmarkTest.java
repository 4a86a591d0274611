package dev.hark.bench;

import dev.hark.media.Ffmpeg;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of the benchmark so it keeps working. For the figures, run with
 * {@code -Dbench.transcribe.minutes=3 -Dbench.transcribe.ctx=256} and read stdout.
 */
@Tag("slow") // about 18 s: the base.en-sized model encodes for real
class TranscribeBenchmarkTest {

    @Test
    void reports_real_time_factors_overhead_and_memory_for_both_model_sizes() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("bench.transcribe.minutes", "0.5"));
        int textContext = Integer.getInteger("bench.transcribe.ctx", 16);

        String report = new TranscribeBenchmark(new Ffmpeg()).run(minutes, 2, textContext);
        System.out.println(report);

        assertThat(report).contains("tiny.en size", "base.en size", "× real time", "Hark's overhead over bare",
                "peak Java heap", "VmHWM");
    }
}

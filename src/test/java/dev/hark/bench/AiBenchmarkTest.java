package dev.hark.bench;

import dev.hark.ai.HashingEmbedder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AiBenchmarkTest {

    @Test
    void a_ten_minute_run_with_the_hashing_embedder_reports_every_step() {
        AiBenchmark.Result result = new AiBenchmark(new HashingEmbedder(), 600).measure();

        assertThat(result.transcriptSeconds()).isBetween(500.0, 660.0);
        assertThat(result.summary().bullets()).hasSizeBetween(3, 7);
        assertThat(result.chapters()).isNotEmpty();
        assertThat(result.questionMillisMax()).isPositive().isLessThan(500);
        assertThat(new AiBenchmark(new HashingEmbedder(), 600).run()).contains("total").contains("hashing").contains("per question");
    }

    /** The real figure: all-MiniLM-L6-v2 on one hour. */
    @Tag("slow")
    @Test
    void one_hour_with_minilm() {
        String report = new AiBenchmark().run();
        System.out.println(report);
        assertThat(report).contains("all-minilm-l6-v2");
    }
}

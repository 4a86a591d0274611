package dev.hark.transcript;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged input never escapes as anything but a {@link TranscriptException}: every fixture,
 * cut short and with characters changed, read under every hint. Seeded, so failures repeat.
 */
class MalformedInputTest {

    private static final String[] HINTS = {null, "text/vtt", "application/x-subrip", "application/json", "text/html", "text/plain"};
    private static final String NASTY = "<>&:;[]{}\"\\-->0123456789.,\n\r \t\uFEFF\u00A0vV";

    private static List<String> samples() {
        List<String> samples = new ArrayList<>();
        for (String name : List.of("vtt-voice-tags-and-settings.vtt", "srt-name-prefixes.srt", "p20-sentences-with-speakers.json",
                "html-cite-time.html", "html-speaker-paragraphs.html", "txt-timestamps-and-names.txt", "txt-otter-headers.txt")) {
            samples.add(TranscriptFixtures.own(name));
        }
        for (Path file : TranscriptFixtures.sharedFiles()) {
            String text = TranscriptFixtures.read(file);
            samples.add(text.length() > 4000 ? text.substring(0, 4000) : text);
        }
        return samples;
    }

    @Test
    void damaged_transcripts_are_read_or_refused_with_a_sentence_never_crash() {
        Random random = new Random(Long.getLong("fuzz.seed", 20260101));
        int refused = 0;
        int read = 0;
        for (String sample : samples()) {
            for (int round = 0; round < Integer.getInteger("fuzz.rounds", 40); round++) {
                StringBuilder damaged = new StringBuilder(sample.substring(0, random.nextInt(sample.length() + 1)));
                for (int change = random.nextInt(6); change > 0 && !damaged.isEmpty(); change--) {
                    damaged.setCharAt(random.nextInt(damaged.length()), NASTY.charAt(random.nextInt(NASTY.length())));
                }
                String hint = HINTS[random.nextInt(HINTS.length)];
                try {
                    Transcript transcript = TranscriptReaders.read(damaged.toString(), hint);
                    assertThat(transcript.segments()).isNotEmpty();
                    read++;
                } catch (TranscriptException e) {
                    assertThat(e.getMessage()).as("one plain sentence").isNotBlank().doesNotContain("\n").doesNotContain("Exception");
                    refused++;
                } catch (RuntimeException e) {
                    throw new AssertionError("crashed on input (hint " + hint + "):\n" + damaged, e);
                }
            }
        }
        assertThat(read).isPositive();
        assertThat(refused).isPositive();
    }
}

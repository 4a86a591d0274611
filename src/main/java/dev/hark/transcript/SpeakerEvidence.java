package dev.hark.transcript;

import java.util.List;

/**
 * The name given to one speaker label, and why.
 *
 * @param label    the label the turns had ("A", "B" …)
 * @param name     a name from the evidence, or "Speaker N" when there was none
 * @param evidence one short line per clue, for the UI ("podcast:person role=host", a quote with its time …);
 *                 empty for a "Speaker N" fallback
 */
public record SpeakerEvidence(String label, String name, List<String> evidence) {

    public SpeakerEvidence {
        evidence = List.copyOf(evidence);
    }

    /** True when the name comes from evidence rather than the "Speaker N" fallback. */
    public boolean named() {
        return !evidence.isEmpty();
    }
}

package dev.hark.transcript;

import java.util.List;

/** A transcript whose speaker labels were replaced by names, with the evidence for each, in order of first appearance. */
public record NamedTranscript(Transcript transcript, List<SpeakerEvidence> speakers) {

    public NamedTranscript {
        speakers = List.copyOf(speakers);
    }
}

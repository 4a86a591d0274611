package dev.hark.transcript.engine;

import dev.hark.transcript.Segment;

import java.util.List;

/**
 * What a transcription had finished when it was saved: the first {@code samplesDone} samples
 * (16 kHz) and the segments found in them, with times from the start of the audio.
 */
public record Checkpoint(long samplesDone, List<Segment> segments) {

    public Checkpoint {
        segments = List.copyOf(segments);
    }
}

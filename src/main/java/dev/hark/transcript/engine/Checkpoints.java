package dev.hark.transcript.engine;

import java.io.IOException;
import java.util.Optional;

/** Where a transcription keeps its progress so that a restart resumes rather than starting over. */
public interface Checkpoints {

    /** No resume: nothing is kept. */
    Checkpoints NONE = new Checkpoints() {
        @Override
        public Optional<Checkpoint> load() {
            return Optional.empty();
        }

        @Override
        public void save(Checkpoint checkpoint) {
        }

        @Override
        public void clear() {
        }
    };

    Optional<Checkpoint> load() throws IOException;

    /** Called after every finished window. */
    void save(Checkpoint checkpoint) throws IOException;

    /** Called when the transcription is complete. */
    void clear() throws IOException;
}

package dev.hark.transcript.engine;

import dev.hark.media.AudioSource;
import dev.hark.media.MediaException;
import dev.hark.transcript.Transcript;

/**
 * Turns audio into a transcript. The local whisper.cpp engine is one implementation; a remote
 * (OpenAI-compatible) engine is another. Speakers are left null: naming them is a later step.
 */
public interface SpeechToText {

    /**
     * Transcribes {@code source}, reporting progress as it goes.
     *
     * @throws MediaException         if the audio cannot be read or decoded
     * @throws TranscriptionException if the engine fails (model missing or broken, engine error)
     * @throws InterruptedException   if the thread is interrupted; the engine stops promptly
     */
    Transcript transcribe(AudioSource source, TranscriptionProgress progress)
            throws MediaException, TranscriptionException, InterruptedException;
}

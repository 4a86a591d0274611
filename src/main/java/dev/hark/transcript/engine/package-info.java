/**
 * Speech to text: the {@link dev.hark.transcript.engine.SpeechToText} port, the local whisper.cpp
 * engine (through whisper-jni), its model files, the "transcribe" job, and the client for
 * OpenAI-compatible transcription endpoints. Depends on {@code transcript}, {@code media},
 * {@code library} and {@code jobs}; never on {@code web} or {@code cli}.
 */
package dev.hark.transcript.engine;

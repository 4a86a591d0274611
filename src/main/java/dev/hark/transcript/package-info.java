/**
 * Transcripts: the {@link dev.hark.transcript.Transcript} model, pure readers and writers for
 * WebVTT, SRT, Podcasting 2.0 JSON, HTML and plain text, choosing and fetching the publisher's
 * transcript, storing transcripts, and marking and naming speakers in transcripts made locally
 * ({@link dev.hark.transcript.SpeakerTurns}, {@link dev.hark.transcript.SpeakerNamer}); speech-to-text
 * engines live in {@code transcript.engine}. Depends on {@code feed} (fetching, transcript links),
 * {@code library} and {@code jobs}; never on {@code web} or {@code cli}.
 */
package dev.hark.transcript;

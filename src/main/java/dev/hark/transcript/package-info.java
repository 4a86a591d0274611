/**
 * Transcripts: the {@link dev.hark.transcript.Transcript} model, pure readers and writers for
 * WebVTT, SRT, Podcasting 2.0 JSON, HTML and plain text, choosing and fetching the publisher's
 * transcript, and storing transcripts. Depends on {@code feed} (fetching, transcript links),
 * {@code library} and {@code jobs}; never on {@code web} or {@code cli}.
 */
package dev.hark.transcript;

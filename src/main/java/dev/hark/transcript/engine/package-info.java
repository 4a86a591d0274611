/**
 * Speech-to-text engines that turn audio into a {@link dev.hark.transcript.Transcript}: here the
 * client for OpenAI-compatible transcription endpoints. Depends on {@code transcript} and
 * {@code media} (ffmpeg for cutting audio); never on {@code web}, {@code cli} or {@code library}.
 */
package dev.hark.transcript.engine;

/**
 * Language models over transcripts: the {@link dev.hark.ai.llm.Llm} port, its OpenAI-compatible chat client,
 * map-reduce chunking and the LLM summary, chapter titles and answers, with a fall back to the extractive
 * pipeline of {@code ai}. Depends on {@code ai} and {@code transcript}; never on {@code web}, {@code cli} or {@code app}.
 */
package dev.hark.ai.llm;

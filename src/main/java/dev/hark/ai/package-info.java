/**
 * Local AI over transcripts: sentence embeddings (all-MiniLM-L6-v2 in-process), passages,
 * extractive summaries, topic chapters, mentions of names, hybrid passage retrieval with
 * extractive answers, and the measures of their quality. Pure logic apart from the embedding
 * model; never calls the network. Depends on {@code transcript} only; {@code cli} and
 * {@code web} call in.
 */
package dev.hark.ai;

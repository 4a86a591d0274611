package dev.hark.ai;

/**
 * One passage retrieved for a question.
 *
 * @param index  the passage's position in the list the retriever was built from
 * @param score  the fused score that ranks the hits (higher is better)
 * @param bm25   the passage's raw BM25 score for the question (0 when no term matches)
 * @param cosine the cosine similarity of the passage's and the question's embeddings
 */
public record Hit(Passage passage, int index, double score, double bm25, double cosine) {
}

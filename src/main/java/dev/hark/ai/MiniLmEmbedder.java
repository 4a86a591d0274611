package dev.hark.ai;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions), run in this process by ONNX Runtime
 * from the model inside the LangChain4j jar: no network, no download. The model is loaded on
 * first use (about a second) and kept. Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {

    /** The model reads at most 256 word pieces; longer texts are cut, so we send fewer. */
    private static final int BATCH = 64;

    private volatile EmbeddingModel model;

    @Override
    public float[][] embed(List<String> texts) {
        EmbeddingModel loaded = model();
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(text -> TextSegment.from(text.isBlank() ? "." : text))
                    .toList();
            List<Embedding> embeddings = loaded.embedAll(batch).content();
            for (int i = 0; i < embeddings.size(); i++) {
                vectors[from + i] = Vectors.normalise(embeddings.get(i).vector().clone());
            }
        }
        return vectors;
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2";
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new AllMiniLmL6V2EmbeddingModel();
                    model = loaded;
                }
            }
        }
        return loaded;
    }
}

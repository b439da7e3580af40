package dev.agentstore.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A Spring AI {@link EmbeddingModel} that looks the precomputed vector of each text up, so the Spring AI vector
 * stores are measured on the benchmark's vectors and the model costs a map lookup on every side alike.
 */
final class LookupEmbeddingModel implements EmbeddingModel {
    private final Map<String, float[]> vectors;

    LookupEmbeddingModel(Map<String, float[]> vectors) {
        this.vectors = vectors;
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> embeddings = new ArrayList<>(request.getInstructions().size());
        for (String text : request.getInstructions()) {
            embeddings.add(new Embedding(vector(text), embeddings.size()));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(Document document) {
        return vector(document.getText());
    }

    @Override
    public int dimensions() {
        return EmbeddingLikeData.DIMENSION;
    }

    private float[] vector(String text) {
        float[] vector = vectors.get(text);
        if (vector == null) {
            throw new IllegalArgumentException("no vector for the text: " + text);
        }
        return vector;
    }
}

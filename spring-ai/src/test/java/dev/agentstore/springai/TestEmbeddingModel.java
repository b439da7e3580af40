package dev.agentstore.springai;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * An in-process all-MiniLM-L6-v2 (384 dimensions, no network) as a Spring AI {@link EmbeddingModel}: Spring AI's own
 * in-process model downloads its weights at run time, which the tests here cannot.
 */
final class TestEmbeddingModel implements EmbeddingModel {
    /** One per JVM. */
    static final TestEmbeddingModel INSTANCE = new TestEmbeddingModel();

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    private TestEmbeddingModel() {}

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> embeddings = new ArrayList<>();
        List<String> texts = request.getInstructions();
        for (int i = 0; i < texts.size(); i++) {
            embeddings.add(new Embedding(model.embed(texts.get(i)).content().vector(), i));
        }
        return new EmbeddingResponse(embeddings);
    }

    @Override
    public float[] embed(Document document) {
        return model.embed(document.getText()).content().vector();
    }

    @Override
    public int dimensions() {
        return 384;
    }
}

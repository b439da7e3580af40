package dev.agentstore.langchain4j;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** The in-process all-MiniLM-L6-v2 model LangChain4j's suites expect, loaded once per JVM. */
final class TestEmbeddings {
    /** The model: 384 dimensions, no network. */
    static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();

    private TestEmbeddings() {}
}

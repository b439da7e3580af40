package dev.agentstore.springai;

import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.ai.test.vectorstore.BaseVectorStoreTests;
import org.springframework.ai.vectorstore.VectorStore;

/** Spring AI's own vector store suite on agentstore's memory backend, unchanged: each test in a fresh tenant. */
class InMemoryVectorStoreIT extends BaseVectorStoreTests {
    @Override
    protected void executeTest(Consumer<VectorStore> testFunction) {
        testFunction.accept(AgentstoreVectorStore.builder(
                        TestStores.memory()
                                .forTenant("spring-ai-" + UUID.randomUUID())
                                .vectors(),
                        TestEmbeddingModel.INSTANCE)
                .build());
    }
}

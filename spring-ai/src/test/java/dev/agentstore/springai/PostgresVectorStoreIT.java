package dev.agentstore.springai;

import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.ai.test.vectorstore.BaseVectorStoreTests;
import org.springframework.ai.vectorstore.VectorStore;

/** Spring AI's own vector store suite on agentstore's postgres backend, unchanged: each test in a fresh tenant. */
class PostgresVectorStoreIT extends BaseVectorStoreTests {
    @Override
    protected void executeTest(Consumer<VectorStore> testFunction) {
        testFunction.accept(AgentstoreVectorStore.builder(
                        TestStores.postgres()
                                .forTenant("spring-ai-" + UUID.randomUUID())
                                .vectors(),
                        TestEmbeddingModel.INSTANCE)
                .build());
    }
}

package dev.agentstore.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithRemovalIT;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** LangChain4j's own removal suite on agentstore's memory backend, unchanged. */
class InMemoryEmbeddingStoreWithRemovalIT extends EmbeddingStoreWithRemovalIT {
    private final EmbeddingStore<TextSegment> store = AgentstoreEmbeddingStore.builder(
                    TestStores.memory().forTenant("lc4j-" + UUID.randomUUID()).vectors())
            .dimension(384)
            .build();

    @BeforeEach
    void startEmpty() {
        store.removeAll();
    }

    @Override
    protected EmbeddingStore<TextSegment> embeddingStore() {
        return store;
    }

    @Override
    protected EmbeddingModel embeddingModel() {
        return TestEmbeddings.MODEL;
    }
}

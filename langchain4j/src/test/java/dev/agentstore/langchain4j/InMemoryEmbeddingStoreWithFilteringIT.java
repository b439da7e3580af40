package dev.agentstore.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithFilteringIT;
import java.util.UUID;

/**
 * LangChain4j's own filtering suite (with EmbeddingStoreIT and EmbeddingStoreWithoutMetadataIT, which it extends) on
 * agentstore's memory backend, unchanged; the only setting is that the store supports {@code containsString}.
 */
class InMemoryEmbeddingStoreWithFilteringIT extends EmbeddingStoreWithFilteringIT {
    private final EmbeddingStore<TextSegment> store = AgentstoreEmbeddingStore.builder(
                    TestStores.memory().forTenant("lc4j-" + UUID.randomUUID()).vectors())
            .dimension(384)
            .build();

    @Override
    protected EmbeddingStore<TextSegment> embeddingStore() {
        return store;
    }

    @Override
    protected EmbeddingModel embeddingModel() {
        return TestEmbeddings.MODEL;
    }

    @Override
    protected void clearStore() {
        store.removeAll();
    }

    @Override
    protected boolean supportsContains() {
        return true;
    }
}

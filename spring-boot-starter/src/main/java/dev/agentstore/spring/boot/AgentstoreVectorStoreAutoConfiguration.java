package dev.agentstore.spring.boot;

import dev.agentstore.AgentStore;
import dev.agentstore.springai.AgentstoreVectorStore;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SpringAIVectorStoreTypes;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Spring AI's vector store on agentstore: when Spring AI and {@code agentstore-spring-ai} are on the class path and
 * the application has an {@link EmbeddingModel}, an {@link AgentstoreVectorStore} over the store's vectors (pgvector,
 * or the in-memory default) becomes the {@link VectorStore}. Its collection is set by
 * {@code spring.ai.vectorstore.agentstore.collection} (default {@code spring-ai}).
 *
 * <p>Backs off when the application defines its own vector store, or when {@code spring.ai.vectorstore.type} names
 * another one. It runs after the other auto-configurations, so it sees the embedding model theirs define.
 */
@AutoConfiguration(after = AgentstoreAutoConfiguration.class)
@AutoConfigureOrder(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnClass({VectorStore.class, AgentstoreVectorStore.class})
@ConditionalOnBean({AgentStore.class, EmbeddingModel.class})
@ConditionalOnProperty(name = SpringAIVectorStoreTypes.TYPE, havingValue = "agentstore", matchIfMissing = true)
@EnableConfigurationProperties(AgentstoreVectorStoreProperties.class)
public class AgentstoreVectorStoreAutoConfiguration {
    /** Creates the auto-configuration; Spring Boot does this. */
    public AgentstoreVectorStoreAutoConfiguration() {}

    /** The vector store, on the store's default tenant; its collection is created if missing. */
    @Bean
    @ConditionalOnMissingBean(VectorStore.class)
    public AgentstoreVectorStore agentstoreVectorStore(
            AgentStore store, EmbeddingModel embeddingModel, AgentstoreVectorStoreProperties properties) {
        AgentstoreVectorStore.Builder builder =
                AgentstoreVectorStore.builder(store.vectors(), embeddingModel).collection(properties.getCollection());
        if (properties.getDimensions() != null) {
            builder.dimension(properties.getDimensions());
        }
        return builder.build();
    }
}

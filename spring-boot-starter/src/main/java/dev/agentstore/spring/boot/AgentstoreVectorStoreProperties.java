package dev.agentstore.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the auto-configured {@code AgentstoreVectorStore}, under {@code spring.ai.vectorstore.agentstore}. */
@ConfigurationProperties(prefix = AgentstoreVectorStoreProperties.PREFIX)
public class AgentstoreVectorStoreProperties {
    /** The prefix of these settings. */
    public static final String PREFIX = "spring.ai.vectorstore.agentstore";

    /** The vector collection the store reads and writes, created on start if missing. */
    private String collection = "spring-ai";

    /** The embeddings' dimension; by default the embedding model is asked. */
    private Integer dimensions;

    /** Creates the settings with their defaults; Spring Boot does this. */
    public AgentstoreVectorStoreProperties() {}

    /** The vector collection's name. */
    public String getCollection() {
        return collection;
    }

    /** Sets the vector collection's name. */
    public void setCollection(String collection) {
        this.collection = collection;
    }

    /** The embeddings' dimension, or null to ask the embedding model. */
    public Integer getDimensions() {
        return dimensions;
    }

    /** Sets the embeddings' dimension. */
    public void setDimensions(Integer dimensions) {
        this.dimensions = dimensions;
    }
}

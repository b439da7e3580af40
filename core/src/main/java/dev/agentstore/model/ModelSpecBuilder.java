package dev.agentstore.model;

import java.util.Map;

/** Builds a {@link ModelSpec}; not thread-safe. Validation happens in {@link #build()}. */
public final class ModelSpecBuilder {
    private final String name;
    private final ModelFormat format;
    private Long parameterCount;
    private String quantization;
    private int contextLength = 4_096;
    private String filePath;
    private Long fileSizeBytes;
    private ModelPricing pricing;
    private Map<String, ?> metadata = Map.of();

    ModelSpecBuilder(String name, ModelFormat format) {
        this.name = name;
        this.format = format;
    }

    /** Sets the number of parameters, or null. */
    public ModelSpecBuilder parameterCount(Long value) {
        this.parameterCount = value;
        return this;
    }

    /** Sets the quantization, or null. */
    public ModelSpecBuilder quantization(String value) {
        this.quantization = value;
        return this;
    }

    /** Sets the context length in tokens. */
    public ModelSpecBuilder contextLength(int value) {
        this.contextLength = value;
        return this;
    }

    /** Sets the weights' path, or null. */
    public ModelSpecBuilder filePath(String value) {
        this.filePath = value;
        return this;
    }

    /** Sets the weights' size, or null. */
    public ModelSpecBuilder fileSizeBytes(Long value) {
        this.fileSizeBytes = value;
        return this;
    }

    /** Sets the prices, or null. */
    public ModelSpecBuilder pricing(ModelPricing value) {
        this.pricing = value;
        return this;
    }

    /** Sets the metadata. */
    public ModelSpecBuilder metadata(Map<String, ?> value) {
        this.metadata = value;
        return this;
    }

    /** The checked spec. */
    @SuppressWarnings("unchecked")
    public ModelSpec build() {
        return new ModelSpec(
                name, format, parameterCount, quantization, contextLength, filePath, fileSizeBytes, pricing, (Map<
                                String, Object>)
                        metadata);
    }
}

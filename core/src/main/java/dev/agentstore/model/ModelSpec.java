package dev.agentstore.model;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;

/**
 * The describable part of a model: what {@link ModelRepository#register} stores and
 * {@link ModelRepository#update} replaces. Build one with {@link #builder(String, ModelFormat)}.
 *
 * @param name unique per tenant, e.g. {@code "llama-3.1-8b-instruct-q4"}
 * @param format how it is packaged
 * @param parameterCount number of parameters (e.g. 8_000_000_000), or null if unknown
 * @param quantization e.g. {@code "Q4_K_M"}, {@code "fp16"}, or null
 * @param contextLength the context window in tokens, 1 or more
 * @param filePath where the weights are, or null (API models)
 * @param fileSizeBytes size of the file, or null
 * @param pricing prices per 1,000 tokens, or null
 * @param metadata free-form data, empty if none
 */
public record ModelSpec(
        String name,
        ModelFormat format,
        Long parameterCount,
        String quantization,
        int contextLength,
        String filePath,
        Long fileSizeBytes,
        ModelPricing pricing,
        Map<String, Object> metadata) {
    /** Checks every component. */
    public ModelSpec {
        Check.name("model.name", name);
        Check.present("model.format", format);
        if (parameterCount != null) {
            Check.range("model.parameterCount", parameterCount, 1, Long.MAX_VALUE);
        }
        Check.optionalName("model.quantization", quantization);
        Check.range("model.contextLength", contextLength, 1, Limits.MAX_TOKENS);
        Check.optionalText("model.filePath", filePath, 4_096);
        if (fileSizeBytes != null) {
            Check.range("model.fileSizeBytes", fileSizeBytes, 0, Long.MAX_VALUE);
        }
        metadata = Metadata.copyOf("model.metadata", metadata);
    }

    /** Starts a spec with a name and format; the context length defaults to 4,096. */
    public static ModelSpecBuilder builder(String name, ModelFormat format) {
        return new ModelSpecBuilder(name, format);
    }

    /** A builder holding this spec's values, to change some of them. */
    public ModelSpecBuilder toBuilder() {
        return new ModelSpecBuilder(name, format)
                .parameterCount(parameterCount)
                .quantization(quantization)
                .contextLength(contextLength)
                .filePath(filePath)
                .fileSizeBytes(fileSizeBytes)
                .pricing(pricing)
                .metadata(metadata);
    }
}

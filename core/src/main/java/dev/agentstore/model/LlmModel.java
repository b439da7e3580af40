package dev.agentstore.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered model.
 *
 * @param id its id
 * @param spec what it is
 * @param active whether it may be used; {@link ModelRepository#deactivate} clears it
 * @param lastUsedAt when {@link ModelRepository#markUsed} last ran, or null
 * @param createdAt when it was registered
 * @param updatedAt when it last changed
 */
public record LlmModel(
        UUID id, ModelSpec spec, boolean active, Instant lastUsedAt, Instant createdAt, Instant updatedAt) {
    /** Shortcut for {@code spec().name()}. */
    public String name() {
        return spec.name();
    }
}

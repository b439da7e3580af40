package dev.agentstore.model;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * The model registry of one tenant. Thread-safe; arguments are validated before anything is stored.
 */
public interface ModelRepository {

    /** Registers an active model. Throws {@link dev.agentstore.ConflictException} if the name is taken. */
    LlmModel register(ModelSpec spec);

    /**
     * Replaces a model's spec (renaming is allowed). Throws {@link dev.agentstore.NotFoundException} for an
     * unknown id and {@link dev.agentstore.ConflictException} if the new name belongs to another model.
     */
    LlmModel update(UUID modelId, ModelSpec spec);

    /** Sets the active flag; a no-op if it already has that value. */
    LlmModel setActive(UUID modelId, boolean active);

    /** Clears the active flag. */
    default LlmModel deactivate(UUID modelId) {
        return setActive(modelId, false);
    }

    /** Records that the model was used now. */
    LlmModel markUsed(UUID modelId);

    /** The model with this id. */
    Optional<LlmModel> findById(UUID modelId);

    /** The model with this name. */
    Optional<LlmModel> findByName(String name);

    /** Models passing {@code filter}, ordered by name, keyset-paged. */
    Page<LlmModel> list(ModelFilter filter, PageRequest page);

    /**
     * Removes a model from the registry.
     *
     * @return whether it existed
     */
    boolean delete(UUID modelId);
}

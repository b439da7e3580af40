package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import java.util.Optional;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingModelRepository implements ModelRepository {
    private final OpenGuard open;
    private final ModelRepository backend;

    public ValidatingModelRepository(OpenGuard open, ModelRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public LlmModel register(ModelSpec spec) {
        open.check();
        return backend.register(Check.present("spec", spec));
    }

    @Override
    public LlmModel update(UUID modelId, ModelSpec spec) {
        open.check();
        return backend.update(Check.id("modelId", modelId), Check.present("spec", spec));
    }

    @Override
    public LlmModel setActive(UUID modelId, boolean active) {
        open.check();
        return backend.setActive(Check.id("modelId", modelId), active);
    }

    @Override
    public LlmModel markUsed(UUID modelId) {
        open.check();
        return backend.markUsed(Check.id("modelId", modelId));
    }

    @Override
    public Optional<LlmModel> findById(UUID modelId) {
        open.check();
        return backend.findById(Check.id("modelId", modelId));
    }

    @Override
    public Optional<LlmModel> findByName(String name) {
        open.check();
        return backend.findByName(Check.name("name", name));
    }

    @Override
    public Page<LlmModel> list(ModelFilter filter, PageRequest page) {
        open.check();
        return backend.list(Check.present("filter", filter), Check.present("page", page));
    }

    @Override
    public boolean delete(UUID modelId) {
        open.check();
        return backend.delete(Check.id("modelId", modelId));
    }
}

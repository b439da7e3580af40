package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The model registry of one tenant in memory. */
final class InMemoryModelRepository implements ModelRepository {
    private final Clock clock;
    private final Map<UUID, LlmModel> models = new LinkedHashMap<>();

    InMemoryModelRepository(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized LlmModel register(ModelSpec spec) {
        requireFreeName(spec.name(), null);
        Instant now = clock.instant();
        LlmModel model = new LlmModel(Ids.newId(clock), spec, true, null, now, now);
        models.put(model.id(), model);
        return model;
    }

    @Override
    public synchronized LlmModel update(UUID modelId, ModelSpec spec) {
        requireFreeName(spec.name(), modelId);
        return change(
                modelId, m -> new LlmModel(m.id(), spec, m.active(), m.lastUsedAt(), m.createdAt(), clock.instant()));
    }

    @Override
    public synchronized LlmModel setActive(UUID modelId, boolean active) {
        return change(
                modelId,
                m -> m.active() == active
                        ? m
                        : new LlmModel(m.id(), m.spec(), active, m.lastUsedAt(), m.createdAt(), clock.instant()));
    }

    @Override
    public synchronized LlmModel markUsed(UUID modelId) {
        return change(
                modelId,
                m -> new LlmModel(m.id(), m.spec(), m.active(), clock.instant(), m.createdAt(), m.updatedAt()));
    }

    @Override
    public synchronized Optional<LlmModel> findById(UUID modelId) {
        return Optional.ofNullable(models.get(modelId));
    }

    @Override
    public synchronized Optional<LlmModel> findByName(String name) {
        return models.values().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Override
    public synchronized Page<LlmModel> list(ModelFilter filter, PageRequest page) {
        String after = page.cursor() == null ? null : Cursors.decode(page.cursor());
        List<LlmModel> matching = models.values().stream()
                .filter(filter::matches)
                .filter(m -> after == null || m.name().compareTo(after) > 0)
                .sorted(Comparator.comparing(LlmModel::name))
                .limit(page.limit() + 1L)
                .toList();
        return Pages.of(matching, page.limit(), LlmModel::name);
    }

    @Override
    public synchronized boolean delete(UUID modelId) {
        return models.remove(modelId) != null;
    }

    private LlmModel change(UUID modelId, UnaryOperator<LlmModel> change) {
        LlmModel current = models.get(modelId);
        if (current == null) {
            throw new NotFoundException("no model with id " + modelId);
        }
        LlmModel updated = change.apply(current);
        models.put(modelId, updated);
        return updated;
    }

    private void requireFreeName(String name, UUID self) {
        findByName(name).filter(m -> !m.id().equals(self)).ifPresent(m -> {
            throw new ConflictException("a model named '" + name + "' is already registered");
        });
    }
}

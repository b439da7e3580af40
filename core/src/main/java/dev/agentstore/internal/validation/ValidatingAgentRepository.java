package dev.agentstore.internal.validation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.agent.AgentDefinition;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.util.Optional;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingAgentRepository implements AgentRepository {
    private final OpenGuard open;
    private final AgentRepository backend;

    public ValidatingAgentRepository(OpenGuard open, AgentRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public AgentDefinition define(AgentSpec spec) {
        open.check();
        return backend.define(Check.present("spec", spec));
    }

    @Override
    public Optional<AgentDefinition> find(UUID agentId) {
        open.check();
        return backend.find(Check.id("agentId", agentId));
    }

    @Override
    public Optional<AgentDefinition> findByName(UUID ownerId, String name) {
        open.check();
        return backend.findByName(Check.id("ownerId", ownerId), Check.name("name", name));
    }

    @Override
    public AgentDefinition update(UUID agentId, long expectedVersion, AgentSpec spec) {
        open.check();
        Check.id("agentId", agentId);
        Check.range("expectedVersion", expectedVersion, 1, Long.MAX_VALUE);
        return backend.update(agentId, expectedVersion, Check.present("spec", spec));
    }

    @Override
    public boolean delete(UUID agentId) {
        open.check();
        return backend.delete(Check.id("agentId", agentId));
    }

    @Override
    public Page<AgentDefinition> listByOwner(UUID ownerId, PageRequest page) {
        open.check();
        return backend.listByOwner(Check.id("ownerId", ownerId), Check.present("page", page));
    }

    @Override
    public Page<AgentDefinition> listPublic(PageRequest page) {
        open.check();
        return backend.listPublic(Check.present("page", page));
    }

    @Override
    public ChannelDefaults setChannelDefaults(ChannelDefaults defaults) {
        open.check();
        return backend.setChannelDefaults(Check.present("defaults", defaults));
    }

    @Override
    public Optional<ChannelDefaults> channelDefaults(String channel) {
        open.check();
        return backend.channelDefaults(Check.name("channel", channel));
    }
}

package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.agent.AgentDefinition;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.AgentStatus;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.spi.AgentPositions;
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
import java.util.function.Predicate;

/** Agents and channel defaults of one tenant in memory; an agent needs its owner and goes with it. */
final class InMemoryAgentRepository implements AgentRepository {
    private static final Comparator<AgentDefinition> BY_NAME =
            Comparator.comparing((AgentDefinition a) -> a.spec().name()).thenComparing(AgentDefinition::id);

    private final Clock clock;
    private final InMemoryConversationRepository conversations;
    private final RemovalListeners removals;
    private final Map<UUID, AgentDefinition> agents = new LinkedHashMap<>();
    private final Map<String, ChannelDefaults> channels = new LinkedHashMap<>();

    InMemoryAgentRepository(Clock clock, InMemoryConversationRepository conversations, RemovalListeners removals) {
        this.clock = clock;
        this.conversations = conversations;
        this.removals = removals;
        removals.add(this::forgetOwner, conversation -> {});
    }

    @Override
    public AgentDefinition define(AgentSpec spec) {
        conversations.requireUser(spec.ownerId());
        synchronized (this) {
            requireFreeName(spec, null);
            Instant now = clock.instant();
            AgentDefinition agent = new AgentDefinition(Ids.newId(clock), spec, 1, now, now);
            agents.put(agent.id(), agent);
            return agent;
        }
    }

    @Override
    public synchronized Optional<AgentDefinition> find(UUID agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    @Override
    public synchronized Optional<AgentDefinition> findByName(UUID ownerId, String name) {
        return agents.values().stream()
                .filter(a ->
                        a.spec().ownerId().equals(ownerId) && a.spec().name().equals(name))
                .findFirst();
    }

    @Override
    public synchronized AgentDefinition update(UUID agentId, long expectedVersion, AgentSpec spec) {
        AgentDefinition current = agents.get(agentId);
        if (current == null) {
            throw new NotFoundException("no agent with id " + agentId);
        }
        if (!current.spec().ownerId().equals(spec.ownerId())) {
            throw new InvalidInputException("agent.ownerId", "cannot change; define a new agent instead");
        }
        if (current.version() != expectedVersion) {
            throw new ConflictException(
                    "agent " + agentId + " is at version " + current.version() + ", not " + expectedVersion);
        }
        requireFreeName(spec, agentId);
        AgentDefinition updated =
                new AgentDefinition(agentId, spec, current.version() + 1, current.createdAt(), clock.instant());
        agents.put(agentId, updated);
        return updated;
    }

    @Override
    public boolean delete(UUID agentId) {
        boolean removed;
        synchronized (this) {
            removed = agents.remove(agentId) != null;
        }
        if (removed) {
            conversations.detachAgent(agentId); // outside this lock: conversations call in here under theirs
            removals.agentDeleted(agentId);
        }
        return removed;
    }

    @Override
    public synchronized Page<AgentDefinition> listByOwner(UUID ownerId, PageRequest page) {
        return page(a -> a.spec().ownerId().equals(ownerId), page);
    }

    @Override
    public synchronized Page<AgentDefinition> listPublic(PageRequest page) {
        return page(
                a -> a.spec().publicAgent() && a.spec().active() && a.spec().status() == AgentStatus.PUBLISHED, page);
    }

    @Override
    public synchronized ChannelDefaults setChannelDefaults(ChannelDefaults defaults) {
        channels.put(defaults.channel(), defaults);
        return defaults;
    }

    @Override
    public synchronized Optional<ChannelDefaults> channelDefaults(String channel) {
        return Optional.ofNullable(channels.get(channel));
    }

    private Page<AgentDefinition> page(Predicate<AgentDefinition> matching, PageRequest page) {
        AgentPositions.Position after = AgentPositions.after(page);
        return Pages.of(
                agents.values().stream()
                        .filter(matching)
                        .sorted(BY_NAME)
                        .filter(a -> after == null || after.isBefore(a.spec().name(), a.id()))
                        .limit(page.limit() + 1L)
                        .toList(),
                page.limit(),
                a -> AgentPositions.of(a.spec().name(), a.id()));
    }

    private void requireFreeName(AgentSpec spec, UUID self) {
        boolean taken = agents.values().stream()
                .anyMatch(a -> !a.id().equals(self)
                        && a.spec().ownerId().equals(spec.ownerId())
                        && a.spec().name().equals(spec.name()));
        if (taken) {
            throw new ConflictException("the owner already has an agent named " + spec.name());
        }
    }

    /** Called while the conversations erase the owner, under their lock, which detaching takes again. */
    private void forgetOwner(UUID ownerId) {
        List<UUID> removed;
        synchronized (this) {
            removed = agents.values().stream()
                    .filter(a -> a.spec().ownerId().equals(ownerId))
                    .map(AgentDefinition::id)
                    .toList();
            removed.forEach(agents::remove);
        }
        removed.forEach(conversations::detachAgent);
        removed.forEach(removals::agentDeleted);
    }
}

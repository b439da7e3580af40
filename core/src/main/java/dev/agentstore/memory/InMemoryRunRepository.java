package dev.agentstore.memory;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.run.RunStatus;
import dev.agentstore.run.RunUsage;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.RunTransitions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Runs of one tenant in memory. A run needs its user (and conversation, if it names one) to exist, like a foreign
 * key; the tenant's conversations tell it when a user is erased or a conversation deleted, and the runs go too.
 */
final class InMemoryRunRepository implements RunRepository {
    private final Clock clock;
    private final InMemoryConversationRepository conversations;
    private final Map<UUID, AgentRun> runs = new LinkedHashMap<>();

    private final RemovalListeners removals;

    InMemoryRunRepository(Clock clock, InMemoryConversationRepository conversations, RemovalListeners removals) {
        this.clock = clock;
        this.conversations = conversations;
        this.removals = removals;
        removals.add(this::forgetUser, this::forgetConversation);
    }

    @Override
    public AgentRun create(NewRun request) {
        conversations.requireUser(request.userId());
        if (request.conversationId() != null
                && !conversations
                        .requireConversation(request.conversationId())
                        .userId()
                        .equals(request.userId())) {
            throw new NotFoundException(
                    "no conversation with id " + request.conversationId() + " of user " + request.userId());
        }
        AgentRun run = new AgentRun(
                Ids.newId(clock),
                request.userId(),
                request.conversationId(),
                request.agentType(),
                RunStatus.PENDING,
                request.input(),
                Map.of(),
                null,
                RunUsage.none(),
                request.metadata(),
                clock.instant(),
                null,
                null);
        synchronized (this) {
            runs.put(run.id(), run);
        }
        return run;
    }

    @Override
    public synchronized Optional<AgentRun> find(UUID runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public AgentRun start(UUID runId) {
        return move(runId, RunStatus.PROCESSING, r -> with(r, RunStatus.PROCESSING, r.output(), null, r.usage()));
    }

    @Override
    public AgentRun complete(UUID runId, Map<String, ?> output, RunUsage usage) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) output;
        return move(runId, RunStatus.COMPLETED, r -> with(r, RunStatus.COMPLETED, result, null, usage));
    }

    @Override
    public AgentRun fail(UUID runId, String errorMessage, RunUsage usage) {
        return move(runId, RunStatus.FAILED, r -> with(r, RunStatus.FAILED, r.output(), errorMessage, usage));
    }

    @Override
    public AgentRun cancel(UUID runId) {
        return move(runId, RunStatus.CANCELLED, r -> with(r, RunStatus.CANCELLED, r.output(), null, r.usage()));
    }

    @Override
    public synchronized Page<AgentRun> list(RunQuery query, PageRequest page) {
        return NewestFirst.page(runs.values(), query::matches, AgentRun::id, page);
    }

    private synchronized AgentRun move(UUID runId, RunStatus next, UnaryOperator<AgentRun> change) {
        AgentRun current = runs.get(runId);
        if (current == null) {
            throw new NotFoundException("no run with id " + runId);
        }
        if (!current.status().canMoveTo(next)) {
            throw RunTransitions.refused(runId, current.status(), next);
        }
        AgentRun moved = change.apply(current);
        runs.put(runId, moved);
        return moved;
    }

    private AgentRun with(AgentRun r, RunStatus status, Map<String, Object> output, String error, RunUsage usage) {
        Instant now = clock.instant();
        return new AgentRun(
                r.id(),
                r.userId(),
                r.conversationId(),
                r.agentType(),
                status,
                r.input(),
                output,
                error,
                usage,
                r.metadata(),
                r.createdAt(),
                status == RunStatus.PROCESSING ? now : r.startedAt(),
                status.isFinal() ? now : null);
    }

    private synchronized void forgetUser(UUID userId) {
        forget(r -> r.userId().equals(userId));
    }

    private synchronized void forgetConversation(UUID conversationId) {
        forget(r -> conversationId.equals(r.conversationId()));
    }

    /** Removes the runs matching {@code gone} and tells who keeps data of runs (checkpoints). */
    private void forget(Predicate<AgentRun> gone) {
        Set<UUID> removed = new HashSet<>();
        runs.values().removeIf(r -> gone.test(r) && removed.add(r.id()));
        if (!removed.isEmpty()) {
            removals.runsRemoved(removed);
        }
    }
}

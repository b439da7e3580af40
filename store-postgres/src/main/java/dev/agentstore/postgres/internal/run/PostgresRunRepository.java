package dev.agentstore.postgres.internal.run;

import static dev.agentstore.postgres.internal.jooq.Tables.AGENT_RUNS;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.MetadataFilterSql;
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.run.RunStatus;
import dev.agentstore.run.RunUsage;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.RunTransitions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Agent runs of one tenant. Each transition is one {@code UPDATE} that matches only a run in an allowed
 * predecessor status, so concurrent transitions serialise on the row and exactly one of two completions wins; a
 * run it did not match is looked up to say why (unknown, or in which status).
 */
public final class PostgresRunRepository implements RunRepository {
    private final TenantSql sql;
    private final Clock clock;

    /** The runs of {@code sql}'s tenant. */
    public PostgresRunRepository(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public AgentRun create(NewRun run) {
        try {
            return run(sql.fetch(
                            DSL.insertInto(AGENT_RUNS)
                                    .set(AGENT_RUNS.TENANT_ID, sql.tenant())
                                    .set(AGENT_RUNS.ID, Ids.newId(clock))
                                    .set(AGENT_RUNS.USER_ID, run.userId())
                                    .set(AGENT_RUNS.CONVERSATION_ID, run.conversationId())
                                    .set(AGENT_RUNS.AGENT_TYPE, run.agentType())
                                    .set(AGENT_RUNS.STATUS, RunStatus.PENDING.name())
                                    .set(AGENT_RUNS.INPUT, Json.of(run.input()))
                                    .set(AGENT_RUNS.METADATA, Json.of(run.metadata()))
                                    .set(AGENT_RUNS.CREATED_AT, Timestamps.now(clock))
                                    .returning(),
                            AGENT_RUNS.fields())
                    .get(0));
        } catch (NotFoundException e) {
            if (PostgresErrors.violates(e, "agent_runs_tenant_id_user_id_fkey")) {
                throw new NotFoundException("no user with id " + run.userId(), e);
            }
            throw new NotFoundException(
                    "no conversation with id " + run.conversationId() + " of user " + run.userId(), e);
        }
    }

    @Override
    public Optional<AgentRun> find(UUID runId) {
        return find(sql.reads(), runId);
    }

    private Optional<AgentRun> find(TenantSql reader, UUID runId) {
        return reader.fetch(DSL.selectFrom(AGENT_RUNS).where(byId(runId)), AGENT_RUNS.fields()).stream()
                .findFirst()
                .map(PostgresRunRepository::run);
    }

    @Override
    public AgentRun start(UUID runId) {
        return move(runId, RunStatus.PROCESSING, Map.of(AGENT_RUNS.STARTED_AT, Timestamps.now(clock)));
    }

    @Override
    public AgentRun complete(UUID runId, Map<String, ?> output, RunUsage usage) {
        return move(
                runId,
                RunStatus.COMPLETED,
                Map.of(
                        AGENT_RUNS.OUTPUT, Json.of(output),
                        AGENT_RUNS.PROMPT_TOKENS, usage.promptTokens(),
                        AGENT_RUNS.COMPLETION_TOKENS, usage.completionTokens(),
                        AGENT_RUNS.COMPLETED_AT, Timestamps.now(clock)));
    }

    @Override
    public AgentRun fail(UUID runId, String errorMessage, RunUsage usage) {
        return move(
                runId,
                RunStatus.FAILED,
                Map.of(
                        AGENT_RUNS.ERROR_MESSAGE, errorMessage,
                        AGENT_RUNS.PROMPT_TOKENS, usage.promptTokens(),
                        AGENT_RUNS.COMPLETION_TOKENS, usage.completionTokens(),
                        AGENT_RUNS.COMPLETED_AT, Timestamps.now(clock)));
    }

    @Override
    public AgentRun cancel(UUID runId) {
        return move(runId, RunStatus.CANCELLED, Map.of(AGENT_RUNS.COMPLETED_AT, Timestamps.now(clock)));
    }

    @Override
    public Page<AgentRun> list(RunQuery query, PageRequest page) {
        Condition where = DSL.and(
                AGENT_RUNS.TENANT_ID.eq(sql.tenant()),
                Conditions.eqIfSet(AGENT_RUNS.USER_ID, query.userId()),
                Conditions.eqIfSet(AGENT_RUNS.CONVERSATION_ID, query.conversationId()),
                Conditions.eqIfSet(
                        AGENT_RUNS.STATUS,
                        query.status() == null ? null : query.status().name()),
                query.from() == null ? DSL.noCondition() : AGENT_RUNS.CREATED_AT.ge(query.from()),
                query.to() == null ? DSL.noCondition() : AGENT_RUNS.CREATED_AT.lt(query.to()),
                MetadataFilterSql.of(AGENT_RUNS.METADATA, query.metadata()),
                page.cursor() == null ? DSL.noCondition() : AGENT_RUNS.ID.lt(Cursors.decodeUuid(page.cursor())));
        List<AgentRun> rows = sql.replicaReads()
                .fetch(
                        DSL.selectFrom(AGENT_RUNS)
                                .where(where)
                                .orderBy(AGENT_RUNS.ID.desc())
                                .limit(page.limit() + 1),
                        AGENT_RUNS.fields())
                .map(PostgresRunRepository::run);
        return Pages.of(rows, page.limit(), r -> r.id().toString());
    }

    private AgentRun move(UUID runId, RunStatus next, Map<Field<?>, Object> changes) {
        List<String> from =
                RunStatus.predecessorsOf(next).stream().map(Enum::name).toList();
        Optional<AgentRun> moved = sql
                .fetch(
                        DSL.update(AGENT_RUNS)
                                .set(AGENT_RUNS.STATUS, next.name())
                                .set(changes)
                                .where(byId(runId), AGENT_RUNS.STATUS.in(from))
                                .returning(),
                        AGENT_RUNS.fields())
                .stream()
                .findFirst()
                .map(PostgresRunRepository::run);
        if (moved.isPresent()) {
            return moved.get();
        }
        AgentRun current =
                find(sql.primaryReads(), runId).orElseThrow(() -> new NotFoundException("no run with id " + runId));
        throw RunTransitions.refused(runId, current.status(), next);
    }

    private Condition byId(UUID runId) {
        return AGENT_RUNS.TENANT_ID.eq(sql.tenant()).and(AGENT_RUNS.ID.eq(runId));
    }

    private static AgentRun run(Record r) {
        return new AgentRun(
                r.get(AGENT_RUNS.ID),
                r.get(AGENT_RUNS.USER_ID),
                r.get(AGENT_RUNS.CONVERSATION_ID),
                r.get(AGENT_RUNS.AGENT_TYPE),
                RunStatus.valueOf(r.get(AGENT_RUNS.STATUS)),
                Json.map(r.get(AGENT_RUNS.INPUT)),
                Json.map(r.get(AGENT_RUNS.OUTPUT)),
                r.get(AGENT_RUNS.ERROR_MESSAGE),
                new RunUsage(r.get(AGENT_RUNS.PROMPT_TOKENS), r.get(AGENT_RUNS.COMPLETION_TOKENS)),
                Json.map(r.get(AGENT_RUNS.METADATA)),
                r.get(AGENT_RUNS.CREATED_AT),
                r.get(AGENT_RUNS.STARTED_AT),
                r.get(AGENT_RUNS.COMPLETED_AT));
    }
}

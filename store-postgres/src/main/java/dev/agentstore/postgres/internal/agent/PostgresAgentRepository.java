package dev.agentstore.postgres.internal.agent;

import static dev.agentstore.postgres.internal.jooq.Tables.AGENTS;
import static dev.agentstore.postgres.internal.jooq.Tables.CHANNEL_CONFIGS;

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
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.postgres.spi.Timestamps;
import dev.agentstore.spi.AgentPositions;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Agents and channel defaults of one tenant. An update is one {@code UPDATE ... WHERE version = expected}, so of
 * two concurrent updates from one version exactly one wins; names are kept unique per owner by the table.
 */
public final class PostgresAgentRepository implements AgentRepository {
    private final TenantSql sql;
    private final Clock clock;

    /** The agents of {@code sql}'s tenant. */
    public PostgresAgentRepository(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public AgentDefinition define(AgentSpec spec) {
        Instant now = Timestamps.now(clock);
        try {
            return agent(sql.fetch(
                            DSL.insertInto(AGENTS)
                                    .set(AGENTS.TENANT_ID, sql.tenant())
                                    .set(AGENTS.ID, Ids.newId(clock))
                                    .set(AGENTS.OWNER_ID, spec.ownerId())
                                    .set(columns(spec))
                                    .set(AGENTS.VERSION, 1L)
                                    .set(AGENTS.CREATED_AT, now)
                                    .set(AGENTS.UPDATED_AT, now)
                                    .returning(),
                            AGENTS.fields())
                    .get(0));
        } catch (NotFoundException e) {
            throw new NotFoundException("no user with id " + spec.ownerId(), e);
        } catch (ConflictException e) {
            throw nameTaken(spec, e);
        }
    }

    @Override
    public Optional<AgentDefinition> find(UUID agentId) {
        return one(sql.reads(), AGENTS.ID.eq(agentId));
    }

    @Override
    public Optional<AgentDefinition> findByName(UUID ownerId, String name) {
        return one(sql.reads(), AGENTS.OWNER_ID.eq(ownerId).and(AGENTS.NAME.eq(name)));
    }

    @Override
    public AgentDefinition update(UUID agentId, long expectedVersion, AgentSpec spec) {
        Optional<AgentDefinition> updated;
        try {
            updated = sql
                    .fetch(
                            DSL.update(AGENTS)
                                    .set(columns(spec))
                                    .set(AGENTS.VERSION, AGENTS.VERSION.plus(1))
                                    .set(AGENTS.UPDATED_AT, Timestamps.now(clock))
                                    .where(
                                            AGENTS.TENANT_ID.eq(sql.tenant()),
                                            AGENTS.ID.eq(agentId),
                                            AGENTS.OWNER_ID.eq(spec.ownerId()),
                                            AGENTS.VERSION.eq(expectedVersion))
                                    .returning(),
                            AGENTS.fields())
                    .stream()
                    .findFirst()
                    .map(PostgresAgentRepository::agent);
        } catch (ConflictException e) {
            throw nameTaken(spec, e);
        }
        if (updated.isPresent()) {
            return updated.get();
        }
        AgentDefinition current = one(sql.primaryReads(), AGENTS.ID.eq(agentId))
                .orElseThrow(() -> new NotFoundException("no agent with id " + agentId));
        if (!current.spec().ownerId().equals(spec.ownerId())) {
            throw new InvalidInputException("agent.ownerId", "cannot change; define a new agent instead");
        }
        throw new ConflictException(
                "agent " + agentId + " is at version " + current.version() + ", not " + expectedVersion);
    }

    @Override
    public boolean delete(UUID agentId) {
        return !sql.fetch(DSL.deleteFrom(AGENTS)
                        .where(AGENTS.TENANT_ID.eq(sql.tenant()), AGENTS.ID.eq(agentId))
                        .returningResult(AGENTS.ID))
                .isEmpty();
    }

    @Override
    public Page<AgentDefinition> listByOwner(UUID ownerId, PageRequest page) {
        return page(AGENTS.OWNER_ID.eq(ownerId), page);
    }

    @Override
    public Page<AgentDefinition> listPublic(PageRequest page) {
        return page(
                AGENTS.IS_PUBLIC
                        .isTrue()
                        .and(AGENTS.IS_ACTIVE.isTrue())
                        .and(AGENTS.STATUS.eq(AgentStatus.PUBLISHED.name())),
                page);
    }

    @Override
    public ChannelDefaults setChannelDefaults(ChannelDefaults defaults) {
        sql.fetch(DSL.insertInto(CHANNEL_CONFIGS)
                .set(CHANNEL_CONFIGS.TENANT_ID, sql.tenant())
                .set(CHANNEL_CONFIGS.CHANNEL, defaults.channel())
                .set(CHANNEL_CONFIGS.DEFAULT_MODEL, defaults.defaultModel())
                .set(CHANNEL_CONFIGS.SETTINGS, Json.of(defaults.settings()))
                .set(CHANNEL_CONFIGS.UPDATED_AT, Timestamps.now(clock))
                .onConflict(CHANNEL_CONFIGS.TENANT_ID, CHANNEL_CONFIGS.CHANNEL)
                .doUpdate()
                .set(CHANNEL_CONFIGS.DEFAULT_MODEL, DSL.excluded(CHANNEL_CONFIGS.DEFAULT_MODEL))
                .set(CHANNEL_CONFIGS.SETTINGS, DSL.excluded(CHANNEL_CONFIGS.SETTINGS))
                .set(CHANNEL_CONFIGS.UPDATED_AT, DSL.excluded(CHANNEL_CONFIGS.UPDATED_AT))
                .returningResult(CHANNEL_CONFIGS.CHANNEL));
        return defaults;
    }

    @Override
    public Optional<ChannelDefaults> channelDefaults(String channel) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(CHANNEL_CONFIGS)
                                .where(CHANNEL_CONFIGS.TENANT_ID.eq(sql.tenant()), CHANNEL_CONFIGS.CHANNEL.eq(channel)),
                        CHANNEL_CONFIGS.fields())
                .stream()
                .findFirst()
                .map(r -> new ChannelDefaults(
                        r.get(CHANNEL_CONFIGS.CHANNEL),
                        r.get(CHANNEL_CONFIGS.DEFAULT_MODEL),
                        Json.map(r.get(CHANNEL_CONFIGS.SETTINGS))));
    }

    private Optional<AgentDefinition> one(TenantSql reader, Condition condition) {
        return reader
                .fetch(DSL.selectFrom(AGENTS).where(AGENTS.TENANT_ID.eq(sql.tenant()), condition), AGENTS.fields())
                .stream()
                .findFirst()
                .map(PostgresAgentRepository::agent);
    }

    private Page<AgentDefinition> page(Condition matching, PageRequest page) {
        AgentPositions.Position after = AgentPositions.after(page);
        Condition keyset = after == null
                ? DSL.noCondition()
                : DSL.row(AGENTS.NAME, AGENTS.ID).gt(after.name(), after.id());
        return Pages.of(
                sql.replicaReads()
                        .fetch(
                                DSL.selectFrom(AGENTS)
                                        .where(AGENTS.TENANT_ID.eq(sql.tenant()), matching, keyset)
                                        .orderBy(AGENTS.NAME, AGENTS.ID)
                                        .limit(page.limit() + 1),
                                AGENTS.fields())
                        .map(PostgresAgentRepository::agent),
                page.limit(),
                a -> AgentPositions.of(a.spec().name(), a.id()));
    }

    /** The columns an agent's spec fills, the owner aside. */
    private static Map<Field<?>, Object> columns(AgentSpec spec) {
        Map<Field<?>, Object> columns = new HashMap<>();
        columns.put(AGENTS.NAME, spec.name());
        columns.put(AGENTS.DESCRIPTION, spec.description());
        columns.put(AGENTS.MODEL, spec.model());
        columns.put(AGENTS.TEMPERATURE, spec.temperature());
        columns.put(AGENTS.SYSTEM_PROMPT, spec.systemPrompt());
        columns.put(AGENTS.WELCOME_MESSAGE, spec.welcomeMessage());
        columns.put(AGENTS.IS_PUBLIC, spec.publicAgent());
        columns.put(AGENTS.IS_ACTIVE, spec.active());
        columns.put(AGENTS.STATUS, spec.status().name());
        columns.put(AGENTS.CONFIGURATION, Json.of(spec.configuration()));
        return columns;
    }

    private static ConflictException nameTaken(AgentSpec spec, ConflictException e) {
        return new ConflictException("the owner already has an agent named " + spec.name(), e);
    }

    private static AgentDefinition agent(Record r) {
        AgentSpec spec = new AgentSpec(
                r.get(AGENTS.OWNER_ID),
                r.get(AGENTS.NAME),
                r.get(AGENTS.DESCRIPTION),
                r.get(AGENTS.MODEL),
                r.get(AGENTS.TEMPERATURE),
                r.get(AGENTS.SYSTEM_PROMPT),
                r.get(AGENTS.WELCOME_MESSAGE),
                r.get(AGENTS.IS_PUBLIC),
                r.get(AGENTS.IS_ACTIVE),
                AgentStatus.valueOf(r.get(AGENTS.STATUS)),
                Json.map(r.get(AGENTS.CONFIGURATION)));
        return new AgentDefinition(
                r.get(AGENTS.ID), spec, r.get(AGENTS.VERSION), r.get(AGENTS.CREATED_AT), r.get(AGENTS.UPDATED_AT));
    }
}

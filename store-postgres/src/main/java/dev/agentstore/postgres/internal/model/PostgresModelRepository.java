package dev.agentstore.postgres.internal.model;

import static dev.agentstore.postgres.internal.jooq.Tables.MODELS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Cursors;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.Pages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/** The model registry of one tenant; names are unique per tenant and list in code-point order. */
public final class PostgresModelRepository implements ModelRepository {
    private final TenantSql sql;
    private final Clock clock;

    /** Models of {@code sql}'s tenant. */
    public PostgresModelRepository(TenantSql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public LlmModel register(ModelSpec spec) {
        Instant now = clock.instant();
        try {
            return model(sql.fetch(
                            DSL.insertInto(MODELS)
                                    .set(MODELS.TENANT_ID, sql.tenant())
                                    .set(MODELS.ID, Ids.newId(clock))
                                    .set(specColumns(spec))
                                    .set(MODELS.ACTIVE, true)
                                    .set(MODELS.CREATED_AT, now)
                                    .set(MODELS.UPDATED_AT, now)
                                    .returning(),
                            MODELS.fields())
                    .get(0));
        } catch (ConflictException e) {
            throw nameTaken(spec.name(), e);
        }
    }

    @Override
    public LlmModel update(UUID modelId, ModelSpec spec) {
        try {
            return change(modelId, DSL.update(MODELS).set(specColumns(spec)).set(MODELS.UPDATED_AT, clock.instant()));
        } catch (ConflictException e) {
            throw nameTaken(spec.name(), e);
        }
    }

    /** The columns a spec fills, for both insert and update. */
    private static Map<Field<?>, Object> specColumns(ModelSpec spec) {
        ModelPricing price = spec.pricing();
        Map<Field<?>, Object> columns = new HashMap<>();
        columns.put(MODELS.NAME, spec.name());
        columns.put(MODELS.FORMAT, spec.format().name());
        columns.put(MODELS.PARAMETER_COUNT, spec.parameterCount());
        columns.put(MODELS.QUANTIZATION, spec.quantization());
        columns.put(MODELS.CONTEXT_LENGTH, spec.contextLength());
        columns.put(MODELS.FILE_PATH, spec.filePath());
        columns.put(MODELS.FILE_SIZE_BYTES, spec.fileSizeBytes());
        columns.put(MODELS.INPUT_PRICE_PER_1K, price == null ? null : price.inputPer1k());
        columns.put(MODELS.OUTPUT_PRICE_PER_1K, price == null ? null : price.outputPer1k());
        columns.put(MODELS.PRICE_CURRENCY, price == null ? null : price.currency());
        columns.put(MODELS.METADATA, Json.of(spec.metadata()));
        return columns;
    }

    @Override
    public LlmModel setActive(UUID modelId, boolean active) {
        return change(
                modelId,
                DSL.update(MODELS)
                        .set(MODELS.ACTIVE, active)
                        .set(
                                MODELS.UPDATED_AT,
                                DSL.when(MODELS.ACTIVE.eq(active), MODELS.UPDATED_AT)
                                        .otherwise(DSL.val(clock.instant()))));
    }

    @Override
    public LlmModel markUsed(UUID modelId) {
        return change(modelId, DSL.update(MODELS).set(MODELS.LAST_USED_AT, clock.instant()));
    }

    @Override
    public Optional<LlmModel> findById(UUID modelId) {
        return sql.reads().fetch(DSL.selectFrom(MODELS).where(byId(modelId)), MODELS.fields()).stream()
                .findFirst()
                .map(PostgresModelRepository::model);
    }

    @Override
    public Optional<LlmModel> findByName(String name) {
        return sql
                .reads()
                .fetch(
                        DSL.selectFrom(MODELS).where(MODELS.TENANT_ID.eq(sql.tenant()), MODELS.NAME.eq(name)),
                        MODELS.fields())
                .stream()
                .findFirst()
                .map(PostgresModelRepository::model);
    }

    @Override
    public Page<LlmModel> list(ModelFilter filter, PageRequest page) {
        Condition condition = MODELS.TENANT_ID.eq(sql.tenant()).and(matching(filter));
        if (page.cursor() != null) {
            condition = condition.and(MODELS.NAME.gt(Cursors.decode(page.cursor())));
        }
        return Pages.of(
                sql.replicaReads()
                        .fetch(
                                DSL.selectFrom(MODELS)
                                        .where(condition)
                                        .orderBy(MODELS.NAME)
                                        .limit(page.limit() + 1),
                                MODELS.fields())
                        .map(PostgresModelRepository::model),
                page.limit(),
                LlmModel::name);
    }

    @Override
    public boolean delete(UUID modelId) {
        return !sql.fetch(DSL.deleteFrom(MODELS).where(byId(modelId)).returning(MODELS.ID))
                .isEmpty();
    }

    private LlmModel change(UUID modelId, UpdateSetMoreStep<?> update) {
        return sql.fetch(update.where(byId(modelId)).returning(), MODELS.fields()).stream()
                .findFirst()
                .map(PostgresModelRepository::model)
                .orElseThrow(() -> new NotFoundException("no model with id " + modelId));
    }

    private Condition byId(UUID modelId) {
        return MODELS.TENANT_ID.eq(sql.tenant()).and(MODELS.ID.eq(modelId));
    }

    private static Condition matching(ModelFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.format() != null) {
            condition = condition.and(MODELS.FORMAT.eq(filter.format().name()));
        }
        if (filter.minParameters() != null) {
            condition = condition.and(MODELS.PARAMETER_COUNT.ge(filter.minParameters()));
        }
        if (filter.maxParameters() != null) {
            condition = condition.and(MODELS.PARAMETER_COUNT.le(filter.maxParameters()));
        }
        if (filter.quantization() != null) {
            condition = condition.and(MODELS.QUANTIZATION.eq(filter.quantization()));
        }
        if (filter.active() != null) {
            condition = condition.and(MODELS.ACTIVE.eq(filter.active()));
        }
        return condition;
    }

    private static ConflictException nameTaken(String name, ConflictException cause) {
        return new ConflictException("a model named '" + name + "' is already registered", cause);
    }

    private static LlmModel model(Record r) {
        BigDecimal input = r.get(MODELS.INPUT_PRICE_PER_1K);
        ModelPricing pricing = input == null
                ? null
                : new ModelPricing(input, r.get(MODELS.OUTPUT_PRICE_PER_1K), r.get(MODELS.PRICE_CURRENCY));
        ModelSpec spec = new ModelSpec(
                r.get(MODELS.NAME),
                ModelFormat.valueOf(r.get(MODELS.FORMAT)),
                r.get(MODELS.PARAMETER_COUNT),
                r.get(MODELS.QUANTIZATION),
                r.get(MODELS.CONTEXT_LENGTH),
                r.get(MODELS.FILE_PATH),
                r.get(MODELS.FILE_SIZE_BYTES),
                pricing,
                Json.map(r.get(MODELS.METADATA)));
        return new LlmModel(
                r.get(MODELS.ID),
                spec,
                r.get(MODELS.ACTIVE),
                r.get(MODELS.LAST_USED_AT),
                r.get(MODELS.CREATED_AT),
                r.get(MODELS.UPDATED_AT));
    }
}

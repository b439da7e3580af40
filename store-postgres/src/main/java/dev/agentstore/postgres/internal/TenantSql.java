package dev.agentstore.postgres.internal;

import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Results;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Runs statements for one tenant, with row-level security scoped to it, and translates failures.
 *
 * <p>A single statement goes to the server together with {@code set_config('agentstore.tenant_id', ?, true)}
 * in one round trip: pgjdbc sends both before one Sync, so PostgreSQL runs them as one implicit transaction and
 * the setting holds for exactly that statement. Work that needs several statements uses {@link #transaction},
 * which sets the tenant once at its start. Either way no tenant survives on a pooled connection.
 */
public final class TenantSql {
    private final DSLContext dsl;
    private final String tenant;

    /** Statements for {@code tenant} through {@code dsl}. */
    public TenantSql(DSLContext dsl, String tenant) {
        this.dsl = dsl;
        this.tenant = tenant;
    }

    /** The tenant every statement is scoped to. */
    public String tenant() {
        return tenant;
    }

    /**
     * The rows of one query (a SELECT, or DML with RETURNING), run as the tenant, with the query's fields and
     * types; read values with {@code record.get(TABLE.FIELD)}.
     */
    public Result<Record> fetch(ResultQuery<?> query) {
        try {
            Results results = dsl.resultQuery(
                            "select set_config('agentstore.tenant_id', {0}, true); {1}", DSL.val(tenant), query)
                    .fetchMany();
            return results.get(1).into(query.fields());
        } catch (DataAccessException e) {
            throw PostgresErrors.translate(e);
        }
    }

    /** Runs {@code work} in one transaction scoped to the tenant; rolls back if it throws. */
    public <T> T transaction(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = configuration.dsl();
                tx.select(DSL.function(
                                "set_config",
                                String.class,
                                DSL.inline("agentstore.tenant_id"),
                                DSL.val(tenant),
                                DSL.inline(true)))
                        .fetch();
                return work.apply(tx);
            });
        } catch (DataAccessException e) {
            throw PostgresErrors.translate(e);
        }
    }
}

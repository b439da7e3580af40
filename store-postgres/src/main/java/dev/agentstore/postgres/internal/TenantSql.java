package dev.agentstore.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>A single statement goes to the server as {@code begin; select set_config('agentstore.tenant_id', ?, true);
 * <statement>; commit}, one round trip in the usual case, and the setting holds for exactly that transaction. The
 * transaction is explicit on purpose: pgjdbc may split a multi-statement query with an extra Sync (it does when
 * a server-prepared statement has a parameter of unspecified type, such as a null UUID), which would end an
 * implicit transaction, and with it the setting, early. Work that needs several statements uses
 * {@link #transaction}. Either way no tenant survives on a pooled connection.
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
            return dsl.connectionResult(connection -> {
                DSLContext on = DSL.using(connection, dsl.dialect(), dsl.settings());
                try {
                    Results results = on.resultQuery(
                                    "begin; select set_config('agentstore.tenant_id', {0}, true); {1}; commit",
                                    DSL.val(tenant), query)
                            .fetchMany();
                    return results.get(1).into(query.fields());
                } catch (RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            });
        } catch (DataAccessException e) {
            throw PostgresErrors.translate(e);
        }
    }

    /** After a failed statement the explicit transaction is aborted; end it before the pool hands it out again. */
    private static void rollbackQuietly(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("rollback");
        } catch (SQLException ignored) {
            // the connection is broken; the pool notices and replaces it
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

package dev.agentstore.postgres.spi;

import dev.agentstore.postgres.spi.TenantSql.TransactionWork;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Transactions as the schema owner ({@link SchemaOwner}) for the DDL the runtime role may not run: metric
 * partitions, vector collections. Each waits at most the configured timeout for its locks, so DDL queued behind a
 * long query fails fast instead of stalling every statement queued behind it.
 */
public final class OwnerDdl {
    private final DSLContext dsl;
    private final String lockTimeout;

    /** DDL on the schema of {@code config}. */
    public OwnerDdl(PostgresSettings config) {
        this.dsl = PostgresDsl.create(SchemaOwner.dataSource(config), config.schema());
        this.lockTimeout = Math.max(1, config.timeout().toMillis()) + "ms";
    }

    /** A jOOQ context connecting as the owner, one connection per statement: for DDL outside transactions. */
    public DSLContext dsl() {
        return dsl;
    }

    /** Runs {@code work} in one owner transaction, committed when it returns and rolled back when it throws. */
    public <T> T transaction(TransactionWork<T> work) {
        try {
            return dsl.transactionResult(tx -> tx.dsl().connectionResult(connection -> {
                DSLContext inTransaction = tx.dsl();
                setLockTimeout(inTransaction);
                return work.run(connection, inTransaction);
            }));
        } catch (DataAccessException e) {
            throw PostgresErrors.translate(e);
        }
    }

    /** As {@link #transaction(TransactionWork)}, scoped to {@code tenant} for rows under row-level security. */
    public <T> T transaction(String tenant, TransactionWork<T> work) {
        return new TenantSql(dsl, tenant).transaction((connection, inTransaction) -> {
            setLockTimeout(inTransaction);
            return work.run(connection, inTransaction);
        });
    }

    private void setLockTimeout(DSLContext inTransaction) {
        inTransaction.execute("select set_config('lock_timeout', {0}, true)", DSL.val(lockTimeout));
    }
}

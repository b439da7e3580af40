package dev.agentstore.postgres.spi;

import dev.agentstore.Consistency;
import dev.agentstore.spi.TenantIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.ConnectionCallable;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Runs statements for one tenant, with row-level security scoped to it, and translates failures.
 *
 * <p>A single statement goes to the server as {@code begin; select set_config('agentstore.tenant_id', ?, true);
 * <statement>; commit}, one round trip in the usual case, and the setting holds for exactly that transaction. The
 * transaction is explicit on purpose: pgjdbc may split a multi-statement query with an extra Sync (it does when
 * a server-prepared statement has a parameter of unspecified type, such as a null UUID), which would end an
 * implicit transaction, and with it the setting, early. Pre-rendered {@link SqlTemplate}s bind only typed
 * values, which pgjdbc never splits, so they run as the two statements alone. jOOQ renders and binds the
 * statement; the rows are read with the fields the caller names, so mapping code finds its columns without
 * name lookups. No tenant survives on a pooled connection.
 *
 * <p>{@link #reads()}, {@link #replicaReads()} and {@link #primaryReads()} give the same statements for calls that
 * only read: each runs in a read-only transaction (PostgreSQL refuses any write in it, so a statement marked as a
 * read provably is one) and, when the connection turns out to be lost (the server restarted, failed over or
 * terminated the backend: SQL state 08xxx, 57P01, 57P02), is sent once more on a fresh connection. Any call that
 * finds its connection lost has the pool drop its idle connections, which the same event usually killed too. A write
 * is never sent twice: the caller retries it with its idempotency key.
 *
 * <p>The three differ in where they may run when the database has read replicas ({@link ReplicaSet}), as the view's
 * {@link Consistency} decides: {@link #replicaReads()} for reads that tolerate lag (on a replica unless the view asks
 * for read-your-writes), {@link #reads()} for reads that should see the caller's own writes (on a replica only when
 * the view accepts bounded staleness for everything), {@link #primaryReads()} for reads a write depends on (always on
 * the primary). A read on a replica that cannot answer it goes to the primary.
 */
public final class TenantSql {
    private static final String COMMIT = "; commit";

    private final DSLContext dsl;
    private final String tenant;
    private final ReplicaSet replicas;
    private final Consistency consistency;
    private final boolean readOnly;
    private final boolean onReplica;
    private final boolean pinned;
    private final TenantPrefix prefix;
    private final String begin;
    private final String implicitBegin;
    private volatile TenantSql reads;
    private volatile TenantSql replicaReads;
    private volatile TenantSql primaryReads;

    /** Statements for {@code tenant} through {@code dsl}, all on its database. */
    public TenantSql(DSLContext dsl, String tenant) {
        this(dsl, tenant, ReplicaSet.none(), Consistency.DEFAULT);
    }

    /**
     * Statements for {@code tenant} through {@code dsl}, with the reads that may go to a replica sent to one of
     * {@code replicas} as {@code consistency} says.
     */
    public TenantSql(DSLContext dsl, String tenant, ReplicaSet replicas, Consistency consistency) {
        this(dsl, tenant, replicas, consistency, false, false, false);
    }

    private TenantSql(
            DSLContext dsl,
            String tenant,
            ReplicaSet replicas,
            Consistency consistency,
            boolean readOnly,
            boolean onReplica,
            boolean pinned) {
        this.dsl = dsl;
        // Core checks tenant ids already; checked again because the id is rendered into the prefix below.
        this.tenant = TenantIds.check("tenant", tenant);
        this.replicas = replicas;
        this.consistency = consistency;
        this.readOnly = readOnly;
        this.onReplica = onReplica && !replicas.isEmpty();
        this.pinned = pinned;
        this.prefix = new TenantPrefix(this.tenant, readOnly);
        this.implicitBegin = prefix.withSettings(Map.of());
        this.begin = "begin; " + implicitBegin;
    }

    /**
     * The same tenant's statements for reads that should see the caller's own writes (a lookup by id, the latest
     * messages): run in read-only transactions, sent once more on a fresh connection when the first one was lost (see
     * the class comment), on the primary unless the view accepts {@link Consistency#BOUNDED_STALENESS}.
     */
    public TenantSql reads() {
        TenantSql view = reads;
        if (view == null) {
            view = readView(consistency == Consistency.BOUNDED_STALENESS);
            reads = view;
        }
        return view;
    }

    /**
     * As {@link #reads()}, for reads that tolerate lag (history pages, searches, aggregates, listings): on a replica
     * within the maximum lag unless the view asks for {@link Consistency#READ_YOUR_WRITES}.
     */
    public TenantSql replicaReads() {
        TenantSql view = replicaReads;
        if (view == null) {
            view = readView(consistency != Consistency.READ_YOUR_WRITES);
            replicaReads = view;
        }
        return view;
    }

    /**
     * As {@link #reads()}, for reads a write depends on (the current state an update checks, what a fork copies):
     * always on the primary, also for the reads made through the view this returns.
     */
    public TenantSql primaryReads() {
        TenantSql view = primaryReads;
        if (view == null) {
            view = pinned ? this : new TenantSql(dsl, tenant, replicas, consistency, true, false, true);
            primaryReads = view;
        }
        return view;
    }

    private TenantSql readView(boolean mayUseReplica) {
        return pinned ? this : new TenantSql(dsl, tenant, replicas, consistency, true, mayUseReplica, false);
    }

    /** The tenant every statement is scoped to. */
    public String tenant() {
        return tenant;
    }

    /**
     * The rows of one query (a SELECT, or DML with RETURNING), run as the tenant, as records of the query's own
     * fields; read values with {@code record.get(field)}.
     */
    public Result<Record> fetch(ResultQuery<?> query) {
        return fetch(query, query.fields());
    }

    /**
     * As {@link #fetch(ResultQuery)}, reading the columns as {@code fields} (in select order): pass the table's
     * fields when the query selects or returns a whole table, and {@code record.get(TABLE.FIELD)} finds each
     * value by identity instead of by name.
     */
    public Result<Record> fetch(ResultQuery<?> query, Field<?>... fields) {
        return run(query, rows -> dsl.fetch(rows, fields));
    }

    /**
     * The rows of one query, each read straight from JDBC by {@code reader} (by column position, in select order):
     * for the hot paths, where building jOOQ records would cost more than the database call.
     */
    public <T> List<T> query(ResultQuery<?> query, RowReader<T> reader) {
        return run(query, rows -> ResultSets.readAll(rows, reader));
    }

    /**
     * The rows of a pre-rendered hot-path statement with {@code values} bound by parameter name, each read
     * straight from JDBC by {@code reader}.
     */
    public <T> List<T> query(SqlTemplate template, Map<String, ?> values, RowReader<T> reader) {
        // A template binds every value with a known type, so pgjdbc never splits it: the implicit transaction of
        // the two statements before one Sync is enough, and saves the begin and commit.
        return run(
                implicitBegin,
                template.sql(),
                "",
                statement -> template.bind(statement, values),
                rows -> ResultSets.readAll(rows, reader));
    }

    /**
     * As {@link #query(ResultQuery, RowReader)}, with server settings scoped to the same transaction (set with
     * {@code set_config(name, value, true)} beside the tenant, still one round trip). Names and values are the
     * caller's constants, never user input: they are rendered as escaped literals.
     */
    public <T> List<T> queryWithSettings(Map<String, String> settings, ResultQuery<?> query, RowReader<T> reader) {
        return run("begin; " + prefix.withSettings(settings), query, rows -> ResultSets.readAll(rows, reader));
    }

    /**
     * As {@link #queryWithSettings(Map, ResultQuery, RowReader)}, with {@code reader} reading the whole result set: for
     * rows that make one value together (a hit and the rows around it).
     */
    public <T> T readWithSettings(Map<String, String> settings, ResultQuery<?> query, BoundQuery.Reader<T> reader) {
        return run("begin; " + prefix.withSettings(settings), query, reader::read);
    }

    /**
     * As {@link #query(SqlTemplate, Map, RowReader)}, with server settings scoped to the same transaction as in
     * {@link #queryWithSettings(Map, ResultQuery, RowReader)}: the statement and the settings go in one round trip,
     * and neither is rendered by jOOQ per call.
     */
    public <T> List<T> queryWithSettings(
            Map<String, String> settings, SqlTemplate template, Map<String, ?> values, RowReader<T> reader) {
        // Typed values, so one implicit transaction as in query(SqlTemplate...): no begin and commit to send.
        return run(
                prefix.withSettings(settings),
                template.sql(),
                "",
                statement -> template.bind(statement, values),
                rows -> ResultSets.readAll(rows, reader));
    }

    /**
     * Runs several pre-rendered queries in one round trip, in one implicit transaction with the tenant and {@code
     * settings} set as in {@link #queryWithSettings(Map, SqlTemplate, Map, RowReader)}: what one call that needs
     * several result shapes (a context assembly) sends. Each query sees the data as it is when it starts (read
     * committed), as separate calls would, without the round trips between them.
     */
    public BatchResults queryAll(Map<String, String> settings, List<BoundQuery<?>> queries) {
        StringBuilder sql = new StringBuilder(prefix.withSettings(settings));
        for (int i = 0; i < queries.size(); i++) {
            sql.append(i == 0 ? "" : "; ").append(queries.get(i).template().sql());
        }
        return call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int bound = 0;
                for (BoundQuery<?> query : queries) {
                    bound += query.template().bind(statement, query.values(), bound);
                }
                return BatchResults.read(statement, queries);
            }
        });
    }

    private <T> T run(ResultQuery<?> query, ResultSets.Handler<T> handler) {
        return run(begin, query, handler);
    }

    @SuppressWarnings("removal") // bindContext: deprecated in jOOQ 3.21 without a replacement for JDBC binding
    private <T> T run(String begin, ResultQuery<?> query, ResultSets.Handler<T> handler) {
        return run(
                begin,
                dsl.render(query),
                COMMIT,
                statement -> dsl.bindContext(statement).visit(query),
                handler);
    }

    private <T> T run(String prefix, String sql, String suffix, Binder binder, ResultSets.Handler<T> handler) {
        return call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(prefix + sql + suffix)) {
                binder.bind(statement);
                return ResultSets.handleSecond(statement, handler);
            } catch (SQLException | RuntimeException e) {
                if (!suffix.isEmpty()) {
                    ResultSets.rollbackQuietly(connection);
                }
                throw e;
            }
        });
    }

    /**
     * Makes a database call on a connection, translating its failure: on a replica when this view may use one and
     * one is usable, else (or when the replica gives way) on the primary.
     */
    private <T> T call(ConnectionCallable<T> work) {
        if (onReplica) {
            Replica replica = replicas.pick();
            if (replica != null) {
                try {
                    return replica.dsl().connectionResult(work);
                } catch (DataAccessException e) {
                    if (!replica.givesWayAfter(e)) {
                        throw PostgresErrors.translate(e);
                    }
                }
            }
        }
        return call(readOnly, () -> dsl.connectionResult(work));
    }

    /**
     * Makes a database call, translating its failure; when the connection was lost, has the pool drop its idle
     * connections and, if {@code resend} (the call only reads), makes the call once more.
     */
    private <T> T call(boolean resend, Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            if (!LostConnections.isLost(e)) {
                throw PostgresErrors.translate(e);
            }
            LostConnections.evictIdle(dsl);
            if (!resend) {
                throw PostgresErrors.translate(e);
            }
            try {
                return call.get();
            } catch (DataAccessException again) {
                again.addSuppressed(e);
                throw PostgresErrors.translate(again);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction of this tenant on one connection, committed when it returns and
     * rolled back when it throws: for operations of several statements (COPY, then an upsert from the copied
     * rows). The work gets the JDBC connection and a jOOQ context over it.
     */
    public <T> T transaction(TransactionWork<T> work) {
        return call(
                false,
                () -> dsl.connectionResult(connection -> {
                    connection.setAutoCommit(false);
                    try {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(implicitBegin);
                        }
                        T result = work.run(connection, DSL.using(connection, dsl.dialect(), dsl.settings()));
                        connection.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        ResultSets.rollbackQuietly(connection);
                        throw e;
                    } finally {
                        ResultSets.restoreAutoCommit(connection);
                    }
                }));
    }

    /** Statements run inside {@link #transaction}. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        /** Does the work on {@code connection} (or through {@code dsl}, which uses it). */
        T run(Connection connection, DSLContext dsl) throws SQLException;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}

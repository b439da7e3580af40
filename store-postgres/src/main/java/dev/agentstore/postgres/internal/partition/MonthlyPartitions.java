package dev.agentstore.postgres.internal.partition;

import dev.agentstore.InvalidInputException;
import dev.agentstore.MonthlyRetention;
import dev.agentstore.postgres.spi.OwnerDdl;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.postgres.spi.TenantPolicy;
import dev.agentstore.postgres.spi.TenantSql;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The monthly partitions of a group of tables range-partitioned by a timestamp (the metrics, API usage, the error
 * log, the audit log), named {@code <table>_<yyyy>_<mm>} and bounded by UTC month starts. Writes call
 * {@link #ensure} (or {@link #write}) first: each month a row falls in, each of the three after it, and the current
 * month and the three after it get their partitions, created once as the schema owner with the tables' row-level
 * security. Retention drops whole partitions of the group's tables. Every group serialises on one advisory lock,
 * and the months known to exist are remembered, so the common write costs a set lookup.
 */
public final class MonthlyPartitions implements MonthlyRetention {
    /** Months created past the current one and past every incoming row's. */
    static final int MONTHS_AHEAD = 3;

    /**
     * The most months one write may create partitions for: a write spanning more (possible only with a wide
     * {@code time-window}) is refused before any DDL, so no call can fill the catalog with tables.
     */
    static final int MAX_NEW_MONTHS_PER_CALL = 24;

    private static final Pattern PARTITION = Pattern.compile(".+_(\\d{4,5})_(\\d{2})");
    private static final long LOCK_KEY = 0x6167_6d65_7472_6963L; // "agmetric"

    private final OwnerDdl owner;
    private final String schema;
    private final List<String> tables;
    private final Clock clock;
    private final Set<YearMonth> present = ConcurrentHashMap.newKeySet();

    /** The partitions of {@code tables} in the schema of {@code config}. */
    public MonthlyPartitions(PostgresSettings config, Clock clock, String... tables) {
        this.owner = new OwnerDdl(config);
        this.schema = config.schema();
        this.tables = List.of(tables);
        this.clock = clock;
    }

    /**
     * One atomic write of rows at {@code times}: their months' partitions first, then {@code work} (one
     * transaction); if a partition went missing meanwhile (another process's retention), check again and retry
     * once.
     */
    public <T> T write(Collection<Instant> times, Supplier<T> work) {
        ensure(times);
        try {
            return work.get();
        } catch (MissingPartitionException e) {
            forget();
            ensure(times);
            return work.get();
        }
    }

    /**
     * Inserts rows at {@code times} into the group's tables as {@code sql}'s tenant: {@link #write} of one
     * transaction in which {@code insert} runs its statements through the given context.
     *
     * @return what {@code insert} returns, usually the rows inserted
     */
    public long insert(TenantSql sql, Collection<Instant> times, ToLongFunction<DSLContext> insert) {
        return write(
                times,
                () -> sql.transaction(
                        (connection, dsl) -> MissingPartitionException.translate(() -> insert.applyAsLong(dsl))));
    }

    /** Makes sure rows recorded at {@code times} (and now) have partitions for their months and three more. */
    public void ensure(Collection<Instant> times) {
        Set<YearMonth> months = new HashSet<>();
        months.add(month(clock.instant()));
        times.forEach(time -> months.add(month(time))); // a batch spans few months: expand the distinct ones
        SortedSet<YearMonth> needed = new TreeSet<>();
        months.forEach(month -> addWithAhead(needed, month));
        needed.removeAll(present);
        if (needed.isEmpty()) {
            return;
        }
        if (needed.size() > MAX_NEW_MONTHS_PER_CALL && countMissing(needed) > MAX_NEW_MONTHS_PER_CALL) {
            throw new InvalidInputException(
                    "recordedAt",
                    "spans " + needed.size() + " months without partitions, but one call creates at most "
                            + MAX_NEW_MONTHS_PER_CALL + ": record a long history in batches of fewer months");
        }
        owner.transaction((connection, dsl) -> {
            lock(dsl);
            Set<String> existing = partitionNames(dsl);
            for (YearMonth month : needed) {
                for (String table : tables) {
                    if (!existing.contains(name(table, month))) {
                        create(dsl, table, month);
                    }
                }
            }
            return null;
        });
        present.addAll(needed);
    }

    /** How many of {@code months} lack a partition of some table of the group (read outside any lock). */
    private long countMissing(SortedSet<YearMonth> months) {
        return owner.transaction((connection, dsl) -> {
            Set<String> existing = partitionNames(dsl);
            return months.stream()
                    .filter(month -> tables.stream().anyMatch(table -> !existing.contains(name(table, month))))
                    .count();
        });
    }

    /** Forgets which partitions exist (another process's retention may have dropped some); the next write checks. */
    public void forget() {
        present.clear();
    }

    @Override
    public List<YearMonth> dropMonthsBefore(Instant cutoff) {
        YearMonth firstKept = month(cutoff);
        List<YearMonth> dropped = owner.transaction((connection, dsl) -> {
            lock(dsl);
            SortedSet<YearMonth> months = new TreeSet<>();
            for (String partition : partitionNames(dsl)) {
                Matcher name = PARTITION.matcher(partition);
                if (name.matches()) {
                    YearMonth month = YearMonth.of(Integer.parseInt(name.group(1)), Integer.parseInt(name.group(2)));
                    if (month.isBefore(firstKept)) {
                        dsl.execute("drop table {0}", DSL.name(schema, partition));
                        months.add(month);
                    }
                }
            }
            return List.copyOf(months);
        });
        present.removeAll(dropped);
        return dropped;
    }

    private void create(DSLContext dsl, String table, YearMonth month) {
        Name partition = DSL.name(schema, name(table, month));
        dsl.execute(
                "create table {0} partition of {1} for values from ({2}) to ({3})",
                partition, DSL.name(schema, table), DSL.inline(start(month)), DSL.inline(start(month.plusMonths(1))));
        TenantPolicy.apply(dsl, partition);
    }

    /** The partitions of the group's tables now in the catalog (read under the lock, so current). */
    private Set<String> partitionNames(DSLContext dsl) {
        return Set.copyOf(dsl.fetch(
                        "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                                + " join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid = p.relnamespace"
                                + " where n.nspname = {0} and p.relname = any({1})",
                        DSL.val(schema), DSL.val(tables.toArray(String[]::new)))
                .getValues(0, String.class));
    }

    private static void lock(DSLContext dsl) {
        dsl.execute("select pg_advisory_xact_lock({0})", DSL.inline(LOCK_KEY));
    }

    private static void addWithAhead(Set<YearMonth> months, YearMonth month) {
        for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
            months.add(month.plusMonths(ahead));
        }
    }

    private static YearMonth month(Instant time) {
        return YearMonth.from(time.atOffset(ZoneOffset.UTC));
    }

    private static String name(String table, YearMonth month) {
        return String.format("%s_%04d_%02d", table, month.getYear(), month.getMonthValue());
    }

    /** The month's first instant as a timestamptz literal PostgreSQL reads for any year, five digits included. */
    private static String start(YearMonth month) {
        return String.format("%04d-%02d-01 00:00:00+00", month.getYear(), month.getMonthValue());
    }
}

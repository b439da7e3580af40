package dev.agentstore.postgres.spi;

import dev.agentstore.spi.StoreContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming read replicas of {@code postgres.replica-urls}, shared through the {@link StoreContext} by every
 * backend on that database and closed with the store; empty when none are configured.
 *
 * <p>Staleness is bounded by measurement, not by the replica's clock or its own report: every {@code
 * postgres.replica-check-interval} a background thread reads the primary's write-ahead log position, then each
 * replica's replay position. A replica that has replayed up to a position the primary reported at time T holds every
 * transaction committed before T, so its staleness is at most now - T; it answers reads while that is within {@code
 * postgres.replica-max-lag} and its last check succeeded. Reads pick among the usable replicas round-robin; when none
 * is usable (all lag, are down, or the primary could not be sampled lately) they go to the primary.
 */
public final class ReplicaSet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaSet.class);
    /**
     * The insert position, not the write position: a transaction committed with {@code synchronous_commit=off} is
     * visible before its commit record is written out, but never before it is inserted. Read with the log's page
     * layout, to compare it with replay positions ({@link WalLayout}).
     */
    private static final String PRIMARY_POSITION = "select (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";
    /** The log's page layout, fixed when the primary's cluster was created: read once. */
    private static final String PRIMARY_LAYOUT = "select (select setting::bigint from pg_settings where name ="
            + " 'wal_block_size'), (select setting::bigint from pg_settings where name = 'wal_segment_size')";

    private static final ReplicaSet NONE = new ReplicaSet(List.of(), null, 0, null);

    private final List<Replica> replicas;
    private final DataSource primary;
    private final long maxLagNanos;
    private final WalProgress progress;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService checker;
    private volatile Runnable unbindMeters = () -> {};
    private WalLayout layout; // set by the first check that reaches the primary; checks run one at a time

    private ReplicaSet(List<Replica> replicas, DataSource primary, long maxLagNanos, WalProgress progress) {
        this.replicas = replicas;
        this.primary = primary;
        this.maxLagNanos = maxLagNanos;
        this.progress = progress;
        this.checker = replicas.isEmpty()
                ? null
                : Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "agentstore-postgres-replica-check");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * The replicas of the store {@code context} opens, checked once before this returns and then in the background;
     * empty without {@code postgres.replica-urls}. A replica that is down does not keep the store from opening.
     */
    public static ReplicaSet shared(StoreContext context) {
        PostgresSettings settings = PostgresSettings.of(context);
        if (settings.replicaUrls().isEmpty()) {
            return NONE;
        }
        DataSource primary = PostgresPool.shared(context);
        return context.shared(
                "postgres.replicas:" + settings.replicaUrls(),
                ReplicaSet.class,
                () -> start(settings, primary, context.meterRegistry().orElse(null)));
    }

    private static ReplicaSet start(PostgresSettings settings, DataSource primary, Object meterRegistry) {
        List<Replica> replicas = new ArrayList<>();
        for (String url : settings.replicaUrls()) {
            int number = replicas.size() + 1;
            replicas.add(new Replica(number, url, PostgresPool.replica(settings, url, number, meterRegistry)));
        }
        long maxLag = settings.replicaMaxLag().toNanos();
        long interval = settings.replicaCheckInterval().toNanos();
        ReplicaSet set = new ReplicaSet(List.copyOf(replicas), primary, maxLag, new WalProgress(maxLag + 2 * interval));
        set.check();
        if (meterRegistry != null) {
            set.unbindMeters = ReplicaMeters.bind(meterRegistry, set);
        }
        set.checker.scheduleWithFixedDelay(set::checkQuietly, interval, interval, TimeUnit.NANOSECONDS);
        return set;
    }

    /** The set without replicas: every read on the primary. */
    public static ReplicaSet none() {
        return NONE;
    }

    /** Whether there is any replica at all. */
    public boolean isEmpty() {
        return replicas.isEmpty();
    }

    /** A usable replica, the next in turn; null when none is. */
    Replica pick() {
        int count = replicas.size();
        if (count == 0) {
            return null;
        }
        long now = System.nanoTime();
        int first = Math.floorMod(next.getAndIncrement(), count);
        for (int i = 0; i < count; i++) {
            Replica replica = replicas.get((first + i) % count);
            if (replica.usable(now, maxLagNanos)) {
                return replica;
            }
        }
        return null;
    }

    /** Every replica, in the order of {@code postgres.replica-urls}. */
    List<Replica> replicas() {
        return replicas;
    }

    /** Whether {@code replica} would answer a read now. */
    boolean usable(Replica replica) {
        return replica.usable(System.nanoTime(), maxLagNanos);
    }

    /**
     * Each replica's state now, keyed {@code replica-1}, {@code replica-2}... in the order of {@code
     * postgres.replica-urls}: {@code in use, 0.1 s behind}, or {@code skipped: } and why. Empty without replicas.
     */
    public Map<String, String> status() {
        long now = System.nanoTime();
        Map<String, String> status = new LinkedHashMap<>();
        for (Replica replica : replicas) {
            status.put("replica-" + replica.number(), replica.status(now, maxLagNanos));
        }
        return status;
    }

    /** How many replicas would answer a read now. */
    public int usable() {
        long now = System.nanoTime();
        return (int) replicas.stream()
                .filter(replica -> replica.usable(now, maxLagNanos))
                .count();
    }

    /** Samples the primary's position, then measures every replica against it. */
    void check() {
        long before = System.nanoTime(); // commits before this instant lie at or before the position read next
        try (Connection connection = primary.getConnection()) {
            if (layout == null) {
                layout = readLayout(connection);
            }
            try (PreparedStatement statement = connection.prepareStatement(PRIMARY_POSITION);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                progress.record(before, layout.replayedEquivalentOf(row.getLong(1)));
            }
        } catch (SQLException | RuntimeException e) {
            // Without a sample nothing new can be proven about the replicas: they age until the primary answers.
            LOG.debug("could not read the primary's position for the replica check", e);
        }
        for (Replica replica : replicas) {
            replica.check(progress);
        }
    }

    private static WalLayout readLayout(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PRIMARY_LAYOUT);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return new WalLayout(row.getLong(1), row.getLong(2));
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("the read replica check failed; it runs again at its next interval", e);
        }
    }

    /** Stops checking, removes the replicas' gauges and closes every replica's pool. */
    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
        unbindMeters.run();
        replicas.forEach(Replica::close);
    }
}

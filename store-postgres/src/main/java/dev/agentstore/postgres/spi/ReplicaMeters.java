package dev.agentstore.postgres.spi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The read replicas' gauges on the application's Micrometer registry, one pair per replica tagged {@code replica}
 * with its place in {@code postgres.replica-urls} (from 1; its HikariCP pool is {@code
 * agentstore-postgres-replica-<n>}): {@code agentstore.postgres.replica.lag}, how far behind the primary it has
 * provably been, in seconds, and {@code agentstore.postgres.replica.usable}, 1 while reads go to it and 0 while it
 * is skipped. Loaded only when the application passed a registry, so Micrometer stays optional.
 */
final class ReplicaMeters {
    private ReplicaMeters() {}

    /**
     * Binds the gauges of every replica in {@code replicas} to {@code registry}, a Micrometer {@link MeterRegistry};
     * the returned action removes them again.
     */
    static Runnable bind(Object registry, ReplicaSet replicas) {
        MeterRegistry meters = (MeterRegistry) registry;
        List<Meter> bound = new ArrayList<>();
        for (Replica replica : replicas.replicas()) {
            String tag = Integer.toString(replica.number());
            bound.add(Gauge.builder(
                            "agentstore.postgres.replica.lag", replica, each -> each.lagSeconds(System.nanoTime()))
                    .description("Time since the primary reported the newest position the read replica has replayed"
                            + " (NaN until first measured)")
                    .baseUnit("seconds")
                    .tag("replica", tag)
                    .strongReference(true)
                    .register(meters));
            bound.add(Gauge.builder(
                            "agentstore.postgres.replica.usable", replica, each -> replicas.usable(each) ? 1 : 0)
                    .description("1 while reads that tolerate lag go to the read replica, 0 while it is skipped")
                    .tag("replica", tag)
                    .strongReference(true)
                    .register(meters));
        }
        return () -> bound.forEach(meters::remove);
    }
}

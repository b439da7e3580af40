package dev.agentstore.pgvector.internal;

import dev.agentstore.StoreConfig;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.spi.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pgvector.*} settings, read once when the backend opens.
 *
 * @param maintenanceWorkMem memory for vector index builds, as PostgreSQL writes a size ({@code 256MB})
 * @param collectionCacheTtl how long a collection's spec is cached
 * @param bulkLoadRows the smallest write that loads a smaller indexed collection without its index; 0 never
 * @param leakproofJsonb whether migrations mark {@code jsonb_contains} LEAKPROOF
 */
public record PgvectorSettings(
        String maintenanceWorkMem, Duration collectionCacheTtl, int bulkLoadRows, boolean leakproofJsonb) {
    /** {@code pgvector.maintenance-work-mem}. */
    public static final Setting<String> MAINTENANCE_WORK_MEM = Setting.of(
            "pgvector.maintenance-work-mem",
            "PostgreSQL size (kB, MB, GB)",
            "256MB",
            "memory for vector index builds",
            value -> {
                if (!value.matches("[1-9][0-9]{0,6}(kB|MB|GB)")) {
                    throw new IllegalArgumentException("must be a size such as 256MB or 1GB");
                }
                return value;
            });
    /** {@code pgvector.collection-cache-ttl}. */
    public static final Setting<Duration> COLLECTION_CACHE_TTL = Setting.duration(
            "pgvector.collection-cache-ttl",
            Duration.ofSeconds(1),
            Duration.ZERO,
            "how long a collection's spec is used before it is read again (a search keeps using it while it finds rows)");
    /** {@code pgvector.bulk-load-rows}. */
    public static final Setting<Integer> BULK_LOAD_ROWS = Setting.integer(
            "pgvector.bulk-load-rows",
            10_000,
            0,
            Integer.MAX_VALUE,
            "a write this large into a smaller collection builds its index once after loading; `0` never");
    /** {@code pgvector.leakproof-jsonb}. */
    public static final Setting<Boolean> LEAKPROOF_JSONB = Setting.flag(
            "pgvector.leakproof-jsonb",
            false,
            "mark `jsonb_contains` LEAKPROOF (database-wide) so metadata filters use their index under row-level"
                    + " security");

    /** The {@code pgvector.*} settings and the {@code postgres.*} ones the shared helpers read. */
    public static final List<Setting<?>> DECLARED = declared();

    /** Reads the settings of {@code config}. */
    public static PgvectorSettings read(StoreConfig config) {
        return new PgvectorSettings(
                MAINTENANCE_WORK_MEM.read(config),
                COLLECTION_CACHE_TTL.read(config),
                BULK_LOAD_ROWS.read(config),
                LEAKPROOF_JSONB.read(config));
    }

    private static List<Setting<?>> declared() {
        List<Setting<?>> all = new ArrayList<>(PostgresSettings.DECLARED);
        all.addAll(List.of(MAINTENANCE_WORK_MEM, COLLECTION_CACHE_TTL, BULK_LOAD_ROWS, LEAKPROOF_JSONB));
        return List.copyOf(all);
    }
}

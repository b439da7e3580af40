package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.SYSTEM_METRICS;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.TimeKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Keyset pages of a tenant's system samples, ordered by time and then serial. */
final class SystemSampleReads {
    private SystemSampleReads() {}

    /** The samples in {@code [from, to)}, oldest first, keyset-paged. */
    static Page<SystemSample> page(TenantSql sql, Instant from, Instant to, PageRequest page) {
        Condition after = page.cursor() == null ? DSL.trueCondition() : afterSample(TimeKey.fromCursor(page.cursor()));
        List<SerialSample> rows = sql.replicaReads()
                .query(
                        DSL.select(
                                        SYSTEM_METRICS.RECORDED_AT,
                                        SYSTEM_METRICS.SERIAL,
                                        SYSTEM_METRICS.HOST,
                                        SYSTEM_METRICS.CPU_PERCENT,
                                        SYSTEM_METRICS.MEMORY_PERCENT,
                                        SYSTEM_METRICS.GPU_PERCENT,
                                        SYSTEM_METRICS.GPU_MEMORY_PERCENT,
                                        SYSTEM_METRICS.DISK_PERCENT,
                                        SYSTEM_METRICS.READINGS)
                                .from(SYSTEM_METRICS)
                                .where(
                                        SYSTEM_METRICS.TENANT_ID.eq(sql.tenant()),
                                        SYSTEM_METRICS.RECORDED_AT.ge(from),
                                        SYSTEM_METRICS.RECORDED_AT.lt(to),
                                        after)
                                .orderBy(SYSTEM_METRICS.RECORDED_AT, SYSTEM_METRICS.SERIAL)
                                .limit(DSL.inline(page.limit() + 1)),
                        row -> new SerialSample(
                                row.getLong(2),
                                new SystemSample(
                                        row.getObject(1, OffsetDateTime.class).toInstant(),
                                        row.getString(3),
                                        row.getDouble(4),
                                        row.getDouble(5),
                                        row.getObject(6, Double.class),
                                        row.getObject(7, Double.class),
                                        row.getObject(8, Double.class),
                                        SystemSampleTuple.readings(JSONB.valueOf(row.getString(9))))));
        Page<SerialSample> keyed = Pages.of(rows, page.limit(), SerialSample::position);
        return new Page<>(keyed.items().stream().map(SerialSample::sample).toList(), keyed.nextCursor());
    }

    private static Condition afterSample(TimeKey key) {
        return DSL.row(SYSTEM_METRICS.RECORDED_AT, SYSTEM_METRICS.SERIAL).gt(key.at(), key.serial());
    }

    /** A sample with its serial, the tie-breaker of its keyset position. */
    private record SerialSample(long serial, SystemSample sample) {
        String position() {
            return TimeKey.ofSerial(sample.recordedAt(), serial).position();
        }
    }
}

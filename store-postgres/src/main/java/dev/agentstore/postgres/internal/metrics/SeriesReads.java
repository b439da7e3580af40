package dev.agentstore.postgres.internal.metrics;

import static dev.agentstore.postgres.internal.jooq.Tables.METRIC_SERIES;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.metrics.SeriesBucket;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.SeriesStats;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.postgres.internal.Conditions;
import dev.agentstore.postgres.spi.Json;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.spi.Pages;
import dev.agentstore.spi.TimeKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads of labelled series in {@code metric_series}: keyset pages of points and aggregates per time bucket and
 * label group, computed in SQL. Both walk the primary key's {@code (tenant_id, series, recorded_at)} prefix; label
 * filters are a {@code @>} containment on the rows in range, and grouped label values are read with {@code ->>},
 * their names bound as parameters.
 */
final class SeriesReads {
    private static final Field<Double[]> PERCENTILES = DSL.field(
            "percentile_cont(array[0.5, 0.95, 0.99]) within group (order by {0})",
            SQLDataType.DOUBLE.array(), DSL.field(DSL.name("value"), Double.class));

    private SeriesReads() {}

    /** The points matching {@code query}, oldest first, then in recording order. */
    static Page<SeriesPoint> points(TenantSql sql, SeriesQuery query, PageRequest page) {
        Condition after = page.cursor() == null ? DSL.trueCondition() : afterPoint(TimeKey.fromCursor(page.cursor()));
        List<SerialPoint> rows = sql.replicaReads()
                .query(
                        DSL.select(
                                        METRIC_SERIES.RECORDED_AT,
                                        METRIC_SERIES.SERIAL,
                                        METRIC_SERIES.VALUE,
                                        METRIC_SERIES.LABELS)
                                .from(METRIC_SERIES)
                                .where(matching(sql, query), after)
                                .orderBy(METRIC_SERIES.RECORDED_AT, METRIC_SERIES.SERIAL)
                                .limit(DSL.inline(page.limit() + 1)),
                        row -> new SerialPoint(
                                row.getLong(2),
                                new SeriesPoint(
                                        query.series(),
                                        row.getObject(1, OffsetDateTime.class).toInstant(),
                                        row.getDouble(3),
                                        SeriesPointTuple.labels(JSONB.valueOf(row.getString(4))))));
        Page<SerialPoint> keyed = Pages.of(rows, page.limit(), SerialPoint::position);
        return new Page<>(keyed.items().stream().map(SerialPoint::point).toList(), keyed.nextCursor());
    }

    /**
     * One row per bucket and combination of the grouped labels' values: an inner select computes each point's
     * bucket and group values, the outer one aggregates them.
     */
    static List<SeriesBucket> overTime(TenantSql sql, SeriesQuery query, TimeBucket bucket, List<String> groupBy) {
        List<Field<?>> inner = new ArrayList<>();
        inner.add(DSL.field(
                        "date_trunc({0}, {1}, 'UTC')",
                        SQLDataType.TIMESTAMPWITHTIMEZONE,
                        DSL.inline(bucket.name().toLowerCase(Locale.ROOT)),
                        METRIC_SERIES.RECORDED_AT)
                .as("bucket"));
        for (int i = 0; i < groupBy.size(); i++) {
            inner.add(DSL.field("{0} ->> {1}", String.class, METRIC_SERIES.LABELS, DSL.val(groupBy.get(i)))
                    .as("g" + i));
        }
        inner.add(METRIC_SERIES.VALUE.as("value"));
        Table<?> points = DSL.select(inner)
                .from(METRIC_SERIES)
                .where(matching(sql, query))
                .asTable("p");
        List<Field<?>> keys = new ArrayList<>();
        keys.add(DSL.field(DSL.name("p", "bucket"), SQLDataType.TIMESTAMPWITHTIMEZONE));
        for (int i = 0; i < groupBy.size(); i++) {
            keys.add(DSL.field(DSL.name("p", "g" + i), String.class));
        }
        Field<Double> value = DSL.field(DSL.name("p", "value"), Double.class);
        List<Field<?>> columns = new ArrayList<>(keys);
        columns.add(DSL.count());
        columns.add(DSL.sum(value));
        columns.add(DSL.min(value));
        columns.add(DSL.max(value));
        columns.add(DSL.avg(value));
        columns.add(PERCENTILES);
        int stats = keys.size();
        List<SeriesBucket> rows = sql.replicaReads()
                .query(DSL.select(columns).from(points).groupBy(keys), row -> {
                    SortedMap<String, String> group = new TreeMap<>();
                    for (int i = 0; i < groupBy.size(); i++) {
                        String labelValue = row.getString(2 + i);
                        if (labelValue != null) {
                            group.put(groupBy.get(i), labelValue);
                        }
                    }
                    Double[] percentiles = (Double[]) row.getArray(stats + 6).getArray();
                    return new SeriesBucket(
                            row.getObject(1, OffsetDateTime.class).toInstant(),
                            group,
                            new SeriesStats(
                                    row.getLong(stats + 1),
                                    row.getDouble(stats + 2),
                                    row.getDouble(stats + 3),
                                    row.getDouble(stats + 4),
                                    row.getDouble(stats + 5),
                                    percentiles[0],
                                    percentiles[1],
                                    percentiles[2]));
                });
        rows.sort(null);
        return rows;
    }

    private static Condition matching(TenantSql sql, SeriesQuery query) {
        Condition labels = query.labels().isEmpty()
                ? DSL.trueCondition()
                : DSL.condition("{0} @> {1}", METRIC_SERIES.LABELS, DSL.val(Json.of(query.labels())));
        return DSL.and(
                Conditions.tenantBetween(
                        METRIC_SERIES.TENANT_ID, sql.tenant(), METRIC_SERIES.RECORDED_AT, query.from(), query.to()),
                METRIC_SERIES.SERIES.eq(query.series()),
                labels);
    }

    private static Condition afterPoint(TimeKey key) {
        return DSL.row(METRIC_SERIES.RECORDED_AT, METRIC_SERIES.SERIAL).gt(key.at(), key.serial());
    }

    /** A point with its serial, the tie-breaker of its keyset position. */
    private record SerialPoint(long serial, SeriesPoint point) {
        String position() {
            return TimeKey.ofSerial(point.recordedAt(), serial).position();
        }
    }
}

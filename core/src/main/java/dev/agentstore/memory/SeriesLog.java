package dev.agentstore.memory;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.internal.SeriesCalculator;
import dev.agentstore.metrics.SeriesBucket;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.TimeBucket;
import dev.agentstore.spi.TimeKey;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The labelled series points of one tenant in memory, each with the serial that orders points of the same instant
 * (as a bigserial column does in SQL). Thread-safe.
 */
final class SeriesLog {
    private final List<SerialPoint> points = new ArrayList<>();
    private long nextSerial;

    synchronized void record(List<SeriesPoint> batch) {
        batch.forEach(point -> points.add(new SerialPoint(nextSerial++, point)));
    }

    synchronized Page<SeriesPoint> page(SeriesQuery query, PageRequest page) {
        Page<SerialPoint> rows =
                TimeKeyPages.slice(points.stream().filter(p -> query.matches(p.point())), SerialPoint::key, page);
        return new Page<>(rows.items().stream().map(SerialPoint::point).toList(), rows.nextCursor());
    }

    synchronized List<SeriesBucket> overTime(SeriesQuery query, TimeBucket bucket, List<String> groupBy) {
        return SeriesCalculator.buckets(
                points.stream().map(SerialPoint::point).filter(query::matches).toList(), bucket, groupBy);
    }

    /** Drops the points of every UTC month before {@code cutoff}'s; returns those months. */
    synchronized SortedSet<YearMonth> dropMonthsBefore(Instant cutoff) {
        return new MonthlyDrop(cutoff).from(points, p -> p.point().recordedAt()).months();
    }

    private record SerialPoint(long serial, SeriesPoint point) {
        TimeKey key() {
            return TimeKey.ofSerial(point.recordedAt(), serial);
        }
    }
}

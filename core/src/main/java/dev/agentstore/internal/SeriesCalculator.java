package dev.agentstore.internal;

import dev.agentstore.metrics.SeriesBucket;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesStats;
import dev.agentstore.metrics.TimeBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The in-memory reference for labelled-series aggregates, computed as SQL's aggregates would be. */
public final class SeriesCalculator {
    private SeriesCalculator() {}

    /** Buckets {@code points} by time and by the values of the {@code groupBy} labels, in bucket order. */
    public static List<SeriesBucket> buckets(Collection<SeriesPoint> points, TimeBucket bucket, List<String> groupBy) {
        Map<Key, List<Double>> groups = new HashMap<>();
        for (SeriesPoint point : points) {
            SortedMap<String, String> group = new TreeMap<>();
            for (String label : groupBy) {
                String value = point.labels().get(label);
                if (value != null) {
                    group.put(label, value);
                }
            }
            groups.computeIfAbsent(new Key(bucket.floor(point.recordedAt()), group), key -> new ArrayList<>())
                    .add(point.value());
        }
        List<SeriesBucket> rows = new ArrayList<>(groups.size());
        groups.forEach((key, values) -> rows.add(new SeriesBucket(
                key.start(),
                key.group(),
                stats(values.stream().mapToDouble(Double::doubleValue).toArray()))));
        rows.sort(null);
        return rows;
    }

    /** Count, sum, extremes, mean and continuous percentiles of at least one value. */
    public static SeriesStats stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new SeriesStats(
                sorted.length,
                sum,
                sorted[0],
                sorted[sorted.length - 1],
                sum / sorted.length,
                UsageCalculator.percentile(sorted, 0.50),
                UsageCalculator.percentile(sorted, 0.95),
                UsageCalculator.percentile(sorted, 0.99));
    }

    private record Key(Instant start, SortedMap<String, String> group) {}
}

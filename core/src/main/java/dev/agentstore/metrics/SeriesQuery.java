package dev.agentstore.metrics;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.HalfOpen;
import dev.agentstore.internal.SeriesLabels;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Selects the points of one series: a half-open time range {@code [from, to)} and labels each point must carry
 * with these exact values.
 *
 * @param series the series name
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 * @param labels label values a point must match; null is none
 */
public record SeriesQuery(String series, Instant from, Instant to, SortedMap<String, String> labels) {
    /** Checks every component. */
    public SeriesQuery {
        SeriesLabels.series("query.series", series);
        Check.timeRange("query.from", from, "query.to", to);
        labels = SeriesLabels.labels("query.labels", labels);
    }

    /** Every point of {@code series} in {@code [from, to)}. */
    public static SeriesQuery of(String series, Instant from, Instant to) {
        return new SeriesQuery(series, from, to, null);
    }

    /** This query restricted to points whose label {@code name} is {@code value}. */
    public SeriesQuery withLabel(String name, String value) {
        SortedMap<String, String> more = new TreeMap<>(labels);
        more.put(name, value);
        return new SeriesQuery(series, from, to, more);
    }

    /** Whether a point passes this query. */
    public boolean matches(SeriesPoint point) {
        return series.equals(point.series())
                && HalfOpen.contains(from, to, point.recordedAt())
                && point.labels().entrySet().containsAll(labels.entrySet());
    }
}

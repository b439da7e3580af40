package dev.agentstore.metrics;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.SeriesLabels;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One value of a named, labelled numeric series (seed 003's {@code performance_metrics}, seed 004's events): queue
 * depth per worker, retrieval latency per index, tokens per route. Labels are a small set of name/value pairs
 * that aggregates filter and group by; keep their values few (a user id as a label makes every aggregate huge).
 *
 * @param series the series name: a letter or {@code _}, then letters, digits, {@code _ . :}; at most 128
 * @param recordedAt when the value was observed
 * @param value the value, finite
 * @param labels at most {@link dev.agentstore.Limits#MAX_SERIES_LABELS} labels, names shaped like series names
 *     without {@code . :}, values non-blank; null is none
 */
public record SeriesPoint(String series, Instant recordedAt, double value, SortedMap<String, String> labels) {
    /** Checks every component and copies the labels into an unmodifiable sorted map. */
    public SeriesPoint {
        SeriesLabels.series("point.series", series);
        Check.time("point.recordedAt", recordedAt);
        Check.finite("point.value", value);
        labels = SeriesLabels.labels("point.labels", labels);
    }

    /** A point without labels. */
    public static SeriesPoint of(String series, Instant at, double value) {
        return new SeriesPoint(series, at, value, null);
    }

    /** A point with the given labels. */
    public static SeriesPoint of(String series, Instant at, double value, Map<String, String> labels) {
        return new SeriesPoint(series, at, value, labels == null ? null : new TreeMap<>(labels));
    }

    /** This point with one more label (replacing a label of the same name). */
    public SeriesPoint withLabel(String name, String labelValue) {
        SortedMap<String, String> more = new TreeMap<>(labels);
        more.put(name, labelValue);
        return new SeriesPoint(series, recordedAt, value, more);
    }
}

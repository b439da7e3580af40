package dev.agentstore.postgres.internal.metrics;

import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.Json;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jooq.JSONB;

/**
 * A series point as binary COPY fields, in the order of {@link #COLUMNS} (the columns of {@code metric_series}
 * after {@code tenant_id}; the serial is left to its default), and its labels as a jsonb object.
 */
final class SeriesPointTuple {
    /** How many fields {@link #write} writes. */
    static final int FIELDS = 4;

    /** The columns {@link #write} fills, in order. */
    static final String COLUMNS = "series, recorded_at, value, labels";

    private SeriesPointTuple() {}

    /** Writes the point's fields into the current row of {@code copy}. */
    static void write(BinaryCopy copy, SeriesPoint p) throws IOException {
        copy.text(p.series())
                .timestamp(p.recordedAt())
                .float8(p.value())
                .jsonb(labels(p).data());
    }

    /** The point's labels as a jsonb object. */
    static JSONB labels(SeriesPoint p) {
        return Json.of(p.labels());
    }

    /** The labels of a stored object. */
    static SortedMap<String, String> labels(JSONB stored) {
        SortedMap<String, String> labels = new TreeMap<>();
        Json.map(stored).forEach((name, value) -> labels.put(name, String.valueOf(value)));
        return labels;
    }
}

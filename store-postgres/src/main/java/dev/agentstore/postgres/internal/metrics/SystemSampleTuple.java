package dev.agentstore.postgres.internal.metrics;

import dev.agentstore.metrics.SystemReading;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.postgres.spi.BinaryCopy;
import dev.agentstore.postgres.spi.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.JSONB;

/**
 * A system sample as binary COPY fields, in the order of {@link #COLUMNS} (the columns of {@code system_metrics}
 * after {@code tenant_id}; the serial is left to its default), and its further readings as the {@code readings}
 * object.
 */
final class SystemSampleTuple {
    /** How many fields {@link #write} writes. */
    static final int FIELDS = 8;

    /** The columns {@link #write} fills, in order. */
    static final String COLUMNS = "recorded_at, host, cpu_percent, memory_percent, gpu_percent, gpu_memory_percent,"
            + " disk_percent, readings";

    private static final Map<String, SystemReading> BY_KEY =
            Arrays.stream(SystemReading.values()).collect(Collectors.toMap(SystemReading::key, r -> r));

    private SystemSampleTuple() {}

    /** Writes the sample's fields into the current row of {@code copy}. */
    static void write(BinaryCopy copy, SystemSample s) throws IOException {
        copy.timestamp(s.recordedAt())
                .text(s.host())
                .float8(s.cpuPercent())
                .float8(s.memoryPercent())
                .float8(s.gpuPercent())
                .float8(s.gpuMemoryPercent())
                .float8(s.diskPercent())
                .jsonb(readings(s).data());
    }

    /** The sample's further readings as a jsonb object of reading key to number. */
    static JSONB readings(SystemSample s) {
        Map<String, Double> byKey = new LinkedHashMap<>();
        s.readings().forEach((reading, value) -> byKey.put(reading.key(), value));
        return Json.of(byKey);
    }

    /** The readings of a stored object; keys this version does not know (a newer writer's) are left out. */
    static Map<SystemReading, Double> readings(JSONB stored) {
        Map<SystemReading, Double> readings = new LinkedHashMap<>();
        Json.map(stored).forEach((key, value) -> {
            SystemReading reading = BY_KEY.get(key);
            if (reading != null && value instanceof Number number) {
                readings.put(reading, number.doubleValue());
            }
        });
        return readings;
    }
}

package dev.agentstore.postgres.internal.metrics;

import dev.agentstore.metrics.SystemSample;
import dev.agentstore.postgres.spi.BinaryCopy;
import java.io.IOException;

/**
 * A system sample as binary COPY fields, in the column order of {@code system_metrics} after {@code tenant_id}
 * (the serial is left to its default): recorded_at, host, cpu_percent, memory_percent, gpu_percent,
 * gpu_memory_percent, disk_percent.
 */
final class SystemSampleTuple {
    /** How many fields {@link #write} writes. */
    static final int FIELDS = 7;

    /** The columns {@link #write} fills, in order. */
    static final String COLUMNS =
            "recorded_at, host, cpu_percent, memory_percent, gpu_percent, gpu_memory_percent, disk_percent";

    private SystemSampleTuple() {}

    /** Writes the sample's fields into the current row of {@code copy}. */
    static void write(BinaryCopy copy, SystemSample s) throws IOException {
        copy.timestamp(s.recordedAt())
                .text(s.host())
                .float8(s.cpuPercent())
                .float8(s.memoryPercent())
                .float8(s.gpuPercent())
                .float8(s.gpuMemoryPercent())
                .float8(s.diskPercent());
    }
}

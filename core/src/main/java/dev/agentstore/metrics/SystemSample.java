package dev.agentstore.metrics;

import dev.agentstore.internal.Check;
import java.time.Instant;

/**
 * One reading of the host's load.
 *
 * @param recordedAt when it was taken
 * @param host the machine it describes
 * @param cpuPercent CPU use, 0 to 100
 * @param memoryPercent memory use, 0 to 100
 * @param gpuPercent GPU use, 0 to 100, or null without a GPU
 * @param gpuMemoryPercent GPU memory use, 0 to 100, or null
 * @param diskPercent disk use, 0 to 100, or null
 */
public record SystemSample(
        Instant recordedAt,
        String host,
        double cpuPercent,
        double memoryPercent,
        Double gpuPercent,
        Double gpuMemoryPercent,
        Double diskPercent) {
    /** Checks every component. */
    public SystemSample {
        Check.time("sample.recordedAt", recordedAt);
        Check.name("sample.host", host);
        Check.range("sample.cpuPercent", cpuPercent, 0, 100);
        Check.range("sample.memoryPercent", memoryPercent, 0, 100);
        percent("sample.gpuPercent", gpuPercent);
        percent("sample.gpuMemoryPercent", gpuMemoryPercent);
        percent("sample.diskPercent", diskPercent);
    }

    /** A sample with CPU and memory only. */
    public static SystemSample of(Instant at, String host, double cpuPercent, double memoryPercent) {
        return new SystemSample(at, host, cpuPercent, memoryPercent, null, null, null);
    }

    /** This sample with GPU readings. */
    public SystemSample withGpu(double gpu, double gpuMemory) {
        return new SystemSample(recordedAt, host, cpuPercent, memoryPercent, gpu, gpuMemory, diskPercent);
    }

    private static void percent(String field, Double value) {
        if (value != null) {
            Check.range(field, value, 0, 100);
        }
    }
}

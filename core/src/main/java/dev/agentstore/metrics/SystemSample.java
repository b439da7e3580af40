package dev.agentstore.metrics;

import dev.agentstore.internal.Check;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

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
 * @param readings further readings (temperatures, power, fans, megabytes, throughput, uptimes), each checked
 *     against its range; null is none
 */
public record SystemSample(
        Instant recordedAt,
        String host,
        double cpuPercent,
        double memoryPercent,
        Double gpuPercent,
        Double gpuMemoryPercent,
        Double diskPercent,
        Map<SystemReading, Double> readings) {
    /** Checks every component and copies the readings into an unmodifiable map in the enum's order. */
    public SystemSample {
        Check.time("sample.recordedAt", recordedAt);
        Check.name("sample.host", host);
        Check.range("sample.cpuPercent", cpuPercent, 0, 100);
        Check.range("sample.memoryPercent", memoryPercent, 0, 100);
        percent("sample.gpuPercent", gpuPercent);
        percent("sample.gpuMemoryPercent", gpuMemoryPercent);
        percent("sample.diskPercent", diskPercent);
        Map<SystemReading, Double> copy = new EnumMap<>(SystemReading.class);
        if (readings != null) {
            readings.forEach((reading, value) -> {
                Check.present("sample.readings key", reading);
                String field = "sample.readings." + reading.key();
                copy.put(reading, reading.check(field, Check.present(field, value)));
            });
        }
        readings = Collections.unmodifiableMap(copy);
    }

    /** A sample without further readings. */
    public SystemSample(
            Instant recordedAt,
            String host,
            double cpuPercent,
            double memoryPercent,
            Double gpuPercent,
            Double gpuMemoryPercent,
            Double diskPercent) {
        this(recordedAt, host, cpuPercent, memoryPercent, gpuPercent, gpuMemoryPercent, diskPercent, null);
    }

    /** A sample with CPU and memory only. */
    public static SystemSample of(Instant at, String host, double cpuPercent, double memoryPercent) {
        return new SystemSample(at, host, cpuPercent, memoryPercent, null, null, null);
    }

    /** This sample with GPU readings. */
    public SystemSample withGpu(double gpu, double gpuMemory) {
        return new SystemSample(recordedAt, host, cpuPercent, memoryPercent, gpu, gpuMemory, diskPercent, readings);
    }

    /** This sample with {@code reading} set to {@code value} (replacing an earlier value). */
    public SystemSample with(SystemReading reading, double value) {
        Map<SystemReading, Double> more = new EnumMap<>(SystemReading.class);
        more.putAll(readings);
        more.put(Check.present("reading", reading), value);
        return new SystemSample(
                recordedAt, host, cpuPercent, memoryPercent, gpuPercent, gpuMemoryPercent, diskPercent, more);
    }

    /** The value of {@code reading}, or empty when the sample does not carry it. */
    public OptionalDouble reading(SystemReading reading) {
        Double value = readings.get(reading);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static void percent(String field, Double value) {
        if (value != null) {
            Check.range(field, value, 0, 100);
        }
    }
}

package dev.agentstore.metrics;

import dev.agentstore.internal.Check;
import java.util.Locale;

/**
 * A host reading beyond CPU, memory, GPU and disk use (seed 000's system metrics): temperatures, power, fans,
 * memory and VRAM in megabytes, network and disk throughput, uptimes. Each has a unit and a plausible range that
 * recording enforces. Per-device readings (one disk, one network card) belong in a labelled series
 * ({@link SeriesPoint}) instead.
 */
public enum SystemReading {
    /** CPU package temperature, degrees Celsius. */
    CPU_TEMPERATURE_CELSIUS(-60, 250),
    /** Memory in use, megabytes. */
    MEMORY_USED_MB(0, 1e12),
    /** Memory module temperature, degrees Celsius. */
    MEMORY_TEMPERATURE_CELSIUS(-60, 250),
    /** GPU temperature, degrees Celsius. */
    GPU_TEMPERATURE_CELSIUS(-60, 250),
    /** GPU fan speed, revolutions per minute. */
    GPU_FAN_RPM(0, 1e6),
    /** GPU power draw, watts. */
    GPU_POWER_WATTS(0, 1e6),
    /** GPU memory in use, megabytes. */
    VRAM_USED_MB(0, 1e12),
    /** Network bytes received per second. */
    NETWORK_RECEIVED_BYTES_PER_SECOND(0, 1e15),
    /** Network bytes sent per second. */
    NETWORK_SENT_BYTES_PER_SECOND(0, 1e15),
    /** Disk reads per second, all disks. */
    DISK_READS_PER_SECOND(0, 1e12),
    /** Disk writes per second, all disks. */
    DISK_WRITES_PER_SECOND(0, 1e12),
    /** Seconds since the host booted. */
    SYSTEM_UPTIME_SECONDS(0, 1e11),
    /** Seconds since the application started. */
    APP_UPTIME_SECONDS(0, 1e11);

    private final double min;
    private final double max;

    SystemReading(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** The reading's key in stored form and in field names: its name in lower case, e.g. {@code gpu_fan_rpm}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reading named by {@link #key()}. */
    public static SystemReading ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Checks that {@code value} is finite and within this reading's range; {@code field} names it in errors. */
    double check(String field, double value) {
        return Check.range(field, value, min, max);
    }
}

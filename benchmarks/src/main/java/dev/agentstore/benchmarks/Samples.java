package dev.agentstore.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Latencies of one round, in nanoseconds, and the percentiles we report. Not thread-safe. */
final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    /** Times one call. */
    void time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        nanos.add(System.nanoTime() - start);
    }

    /** Calls per second of summed call time. */
    double callsPerSecond() {
        long total = nanos.stream().mapToLong(Long::longValue).sum();
        return nanos.size() / (total / 1e9);
    }

    /** The nearest-rank percentile in milliseconds, e.g. {@code percentile(0.99)}. */
    double percentileMillis(double p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * As {@link #percentileMillis}, leaving out the first call of every run of {@code runLength} consecutive calls:
     * where sides take turns in blocks, the call right after a switch of sides pays for the caches the other side
     * used, and with blocks of 50 those calls alone are 2% of all, enough to set a p99.
     */
    double percentileMillisAfterSwitches(double p, int runLength) {
        long[] sorted = IntStream.range(0, nanos.size())
                .filter(i -> i % runLength != 0)
                .mapToLong(nanos::get)
                .sorted()
                .toArray();
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** The median of values (the middle of repeated rounds). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

package dev.agentstore.postgres.spi;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The primary's write-ahead log position as sampled over the last while: at each sample's time, every transaction
 * that had committed on the primary lay at or before that position. A replica that has replayed up to a sampled
 * position therefore holds everything committed before the sample was taken, whatever the clocks say, and whether or
 * not anything was written since. Thread-safe.
 */
final class WalProgress {
    private final long keepNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Samples kept for {@code keepNanos}: longer than the oldest replica progress still worth telling apart. */
    WalProgress(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    /** Records that the primary's position read after {@code nanos} ({@link System#nanoTime()}) was {@code lsn}. */
    synchronized void record(long nanos, long lsn) {
        samples.addLast(new Sample(nanos, lsn));
        while (samples.size() > 1 && nanos - samples.peekFirst().nanos() > keepNanos) {
            samples.removeFirst();
        }
    }

    /**
     * The time of the newest sample whose position {@code replayedLsn} reaches: everything committed on the primary
     * before then is on the replica; {@link Long#MIN_VALUE} when it reaches none of the samples kept.
     */
    synchronized long caughtUpAt(long replayedLsn) {
        var newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            Sample sample = newestFirst.next();
            if (sample.lsn() <= replayedLsn) {
                return sample.nanos();
            }
        }
        return Long.MIN_VALUE;
    }

    private record Sample(long nanos, long lsn) {}
}

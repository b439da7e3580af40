package dev.agentstore.internal.retrieval;

import dev.agentstore.spi.RetrievalRecorder;
import dev.agentstore.vector.RetrievalStats;
import dev.agentstore.vector.SearchMatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store-wide buffer of search matches not yet written: per tenant and collection, per chunk, a count and the
 * latest time. A search adds its matches (a map update per match, no I/O); one daemon thread, started with the
 * first search, writes every buffer through its backend every {@code interval}; a retrieval read writes its
 * collection's buffer first; closing writes what is left. A failed write puts its counts back for the next one.
 */
public final class RetrievalCounts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetrievalCounts.class);

    private final Duration interval;
    private final Clock clock;
    private final ConcurrentHashMap<Target, Pending> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService writer;
    private boolean closed;

    /** Counts written every {@code interval}; {@link Duration#ZERO} counts nothing. */
    public RetrievalCounts(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** Whether searches are counted. */
    public boolean enabled() {
        return !interval.isZero();
    }

    /** Adds one search's matches to the buffer of {@code tenant}'s {@code collection}. */
    public void count(String tenant, String collection, RetrievalRecorder recorder, List<SearchMatch> matches) {
        if (matches.isEmpty()) {
            return;
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        Pending buffer = pending.computeIfAbsent(new Target(tenant, collection), target -> new Pending(recorder));
        for (SearchMatch match : matches) {
            buffer.add(match.chunk().id(), match.chunk().documentId(), 1, micros);
        }
        if (writer == null) { // a lock only until the writer runs, not on every search
            startWriter();
        }
    }

    /** Writes what is pending for {@code tenant}'s {@code collection} now, on the caller's thread. */
    public void write(String tenant, String collection) {
        Pending buffer = pending.get(new Target(tenant, collection));
        if (buffer != null) {
            buffer.write(collection);
        }
    }

    /** Forgets what is pending for {@code tenant}'s {@code collection} (it is being dropped). */
    public void discard(String tenant, String collection) {
        pending.remove(new Target(tenant, collection));
    }

    private synchronized void startWriter() {
        if (writer != null || closed) {
            return;
        }
        writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agentstore-retrieval-stats");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        writer.scheduleWithFixedDelay(this::writeAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void writeAll() {
        pending.forEach((target, buffer) -> {
            try {
                buffer.write(target.collection());
            } catch (RuntimeException e) {
                LOG.warn(
                        "could not write retrieval statistics of a collection (kept for the next try): {}",
                        e.getClass().getSimpleName());
            }
        });
    }

    /** Stops the writer and writes what is left, as far as the backends still answer. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            closed = true;
            stopping = writer;
            writer = null;
        }
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(interval.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeAll();
    }

    private record Target(String tenant, String collection) {}

    /** One chunk's pending count; changed only inside the map's atomic compute. */
    private static final class Tally {
        final String documentId;
        long count;
        long lastMicros;

        Tally(String documentId) {
            this.documentId = documentId;
        }
    }

    /** One collection's pending counts and the backend they go to. */
    private static final class Pending {
        private final RetrievalRecorder recorder;
        private final ConcurrentHashMap<String, Tally> chunks = new ConcurrentHashMap<>();

        Pending(RetrievalRecorder recorder) {
            this.recorder = recorder;
        }

        void add(String chunkId, String documentId, long count, long micros) {
            chunks.compute(chunkId, (id, tally) -> {
                Tally t = tally == null ? new Tally(documentId) : tally;
                t.count += count;
                t.lastMicros = Math.max(t.lastMicros, micros);
                return t;
            });
        }

        /** Takes every pending count out and hands it to the backend; on failure puts them back. */
        void write(String collection) {
            List<RetrievalStats> batch = new ArrayList<>();
            for (String chunkId : chunks.keySet()) {
                Tally tally = chunks.remove(chunkId);
                if (tally != null) {
                    batch.add(new RetrievalStats(
                            tally.documentId,
                            chunkId,
                            tally.count,
                            Instant.EPOCH.plus(tally.lastMicros, ChronoUnit.MICROS)));
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                recorder.recordRetrievals(collection, batch);
            } catch (RuntimeException e) {
                for (RetrievalStats s : batch) {
                    add(
                            s.chunkId(),
                            s.documentId(),
                            s.retrievals(),
                            ChronoUnit.MICROS.between(Instant.EPOCH, s.lastRetrievedAt()));
                }
                throw e;
            }
        }
    }
}

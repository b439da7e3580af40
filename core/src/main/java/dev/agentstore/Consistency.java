package dev.agentstore;

/**
 * Which server a store view's reads may be answered by, when the backend keeps read replicas ({@code
 * postgres.replica-urls}); without replicas every read sees every committed write and the choice changes nothing.
 * Writes always go to the primary, whatever the view. Chosen per view with {@link AgentStore#withConsistency}.
 *
 * <p>A replica is used only while it is provably no further behind than {@code postgres.replica-max-lag}: it has
 * replayed everything the primary had written at a moment no longer ago than that. A replica that lags more, cannot
 * be reached or fails a read is skipped, and the read goes to the primary, so choosing a replica never turns into a
 * failed call.
 */
public enum Consistency {
    /**
     * Each method's documented default: reads that tolerate a little lag (history pages, searches, vector searches,
     * aggregates, listings) go to a replica; lookups by id, the latest messages, context windows and assembly, and
     * every read that a write depends on go to the primary, so an application sees its own writes there.
     */
    DEFAULT,

    /** Every read on the primary: each sees every write committed before it started, the caller's own included. */
    READ_YOUR_WRITES,

    /**
     * Every read that may see data up to {@code postgres.replica-max-lag} old goes to a replica: also lookups by id,
     * latest messages and context windows, for read-heavy views (dashboards, exports) that should spare the primary.
     * Reads inside a write (an update's current state, a quota check before recording) and security stay on the
     * primary.
     */
    BOUNDED_STALENESS
}

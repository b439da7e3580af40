package dev.agentstore.benchmarks;

/** One side of the Redis benchmark: the three calls it times, each on the i-th session or rate-limit key. */
interface FastStateSide {
    /** Reads a session. */
    void getSession(int i);

    /** Extends a session. */
    void touchSession(int i);

    /** Counts one call against a rate-limit key. */
    void acquire(int i);
}

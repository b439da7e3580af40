package dev.agentstore.internal.observe;

import dev.agentstore.spi.Capability;

/**
 * What the store reports about itself: a timer around every repository operation and counters for the decisions the
 * SDK takes on its own (the recent-context cache, rate limits, lockouts, degraded fallbacks). {@link #NONE} when the
 * application gave no meter registry: it hands repositories back unwrapped and counts nothing, so a store without
 * one pays nothing.
 */
public interface StoreMeters {

    /** Records nothing. */
    StoreMeters NONE = new StoreMeters() {
        @Override
        public <T> T timed(Class<T> api, T repository, Capability capability, String backend, String tenant) {
            return repository;
        }

        @Override
        public void contextCache(boolean hit) {}

        @Override
        public void rateLimit(boolean allowed) {}

        @Override
        public void lockout() {}

        @Override
        public void fallback(Capability capability) {}
    };

    /**
     * {@code repository} with each call of {@code api}'s methods timed as one operation of {@code capability},
     * served by {@code backend} for {@code tenant}.
     */
    <T> T timed(Class<T> api, T repository, Capability capability, String backend, String tenant);

    /** One read of the newest messages answered from the recent-context cache ({@code hit}) or not. */
    void contextCache(boolean hit);

    /** One rate-limit check, allowed or refused. */
    void rateLimit(boolean allowed);

    /** One account locked by failed logins or codes. */
    void lockout();

    /** One call answered by the degraded-mode stand-in because {@code capability}'s backend was unavailable. */
    void fallback(Capability capability);
}

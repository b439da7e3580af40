package dev.agentstore.usage;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * API usage of one tenant. Thread-safe. Raw calls are kept in UTC months until the store's
 * {@link dev.agentstore.AgentStore#apiUsageRetention() retention} drops them; a batch is atomic. Calls of a user
 * go when the user is erased.
 *
 * <p>Quotas: {@link #setLimit} stores a limit per key or user, and {@link #quota} counts the current window's
 * recorded calls against it, so an app can check before serving a call and refuse it once {@link
 * QuotaStatus#exhausted()}. The check and the later {@link #record} are separate calls: concurrent requests may
 * overshoot by as many as are in flight. For a hard cap on concurrency use {@link dev.agentstore.state.RateLimiter}.
 */
public interface ApiUsageRepository {

    /**
     * Records one call; recording the same call (request id and time) again changes nothing.
     *
     * @return false if it was recorded already
     */
    boolean record(ApiCall call);

    /**
     * Records calls atomically, skipping those recorded already (or repeated in the batch).
     *
     * @return how many were new
     */
    long recordBatch(List<ApiCall> calls);

    /** Calls matching {@code query}, oldest first, keyset-paged. */
    Page<ApiCall> calls(ApiUsageQuery query, PageRequest page);

    /** Aggregates over every call matching {@code query}. */
    ApiUsageStats stats(ApiUsageQuery query);

    /** Aggregates per UTC day, API key and user over the calls matching {@code query}, ordered by day, key, user. */
    List<DailyApiUsage> daily(ApiUsageQuery query);

    /** Stores (or replaces) the limit of its subject. */
    void setLimit(UsageLimit limit);

    /** The limit of a subject. */
    Optional<UsageLimit> limit(UsageSubject subject);

    /**
     * Removes the limit of a subject.
     *
     * @return whether it had one
     */
    boolean removeLimit(UsageSubject subject);

    /** The subject's usage in the window holding now against its limit; empty when it has no limit. */
    Optional<QuotaStatus> quota(UsageSubject subject);
}

package dev.agentstore.postgres.spi;

import java.util.IdentityHashMap;
import java.util.Map;

/** What each query of one {@link TenantSql#queryAll} call returned, found by the query. */
public final class BatchResults {
    private final Map<BoundQuery<?>, Object> results = new IdentityHashMap<>();

    BatchResults() {}

    <T> void put(BoundQuery<T> query, T result) {
        results.put(query, result);
    }

    /** What {@code query}'s reader made of its result. */
    @SuppressWarnings("unchecked") // put only pairs a query with what its own reader returned
    public <T> T of(BoundQuery<T> query) {
        if (!results.containsKey(query)) {
            throw new IllegalArgumentException("the query was not part of the batch");
        }
        return (T) results.get(query);
    }
}

package dev.agentstore.postgres.spi;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** What each query of one {@link TenantSql#queryAll} call returned, found by the query. */
public final class BatchResults {
    private final Map<BoundQuery<?>, Object> results = new IdentityHashMap<>();

    private BatchResults() {}

    /**
     * Executes {@code statement} (the tenant's settings, then {@code queries}) and reads each query's result set in
     * order with its reader, skipping set_config's.
     */
    static BatchResults read(PreparedStatement statement, List<BoundQuery<?>> queries) throws SQLException {
        BatchResults results = new BatchResults();
        boolean isResultSet = statement.execute();
        int resultSets = 0;
        while (isResultSet || statement.getUpdateCount() != -1) {
            if (isResultSet && resultSets++ > 0) {
                try (ResultSet rows = statement.getResultSet()) {
                    results.put(queries.get(resultSets - 2), rows);
                }
            }
            isResultSet = statement.getMoreResults();
        }
        if (resultSets != queries.size() + 1) {
            throw new IllegalStateException("expected " + (queries.size() + 1) + " result sets, got " + resultSets);
        }
        return results;
    }

    private <T> void put(BoundQuery<T> query, ResultSet rows) throws SQLException {
        results.put(query, query.reader().read(rows));
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

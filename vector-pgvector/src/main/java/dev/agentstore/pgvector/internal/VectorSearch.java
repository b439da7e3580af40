package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.IndexType;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.SearchTuning;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * Top-k search in one collection, inside the caller's tenant transaction.
 *
 * <p>The query orders by the indexed distance expression with the collection's id as a constant, so PostgreSQL
 * prunes to the collection's partition and walks its HNSW or IVFFlat index. The transaction sets, with {@code
 * set_config(..., true)}: {@code hnsw.ef_search} (at least top-k, since HNSW returns at most that many rows) or
 * {@code ivfflat.probes}; pgvector 0.8's iterative scan in relaxed order, so a filter that rejects most of the
 * nearest rows makes the index scan go on instead of returning short; and {@code plan_cache_mode =
 * force_custom_plan}, so a server-prepared statement never switches to a generic plan; and it turns sequential and
 * bitmap scans off, so the plan is the index walk on purpose rather than by estimate. Relaxed order may return rows slightly out of order, so rows are re-sorted by their exact
 * distance. If the index still returns fewer than top-k rows (a very selective filter), the search is repeated
 * exactly (index scans off, the filter served by the metadata index or a scan of the partition), which returns top-k whenever that many
 * rows match: the promise {@link dev.agentstore.vector.VectorRepository#search} makes.
 */
final class VectorSearch {
    private static final int DEFAULT_EF_SEARCH = 40;

    private VectorSearch() {}

    /** The best matches, best first, at most {@code request.topK()}, at least {@code request.minScore()}. */
    static List<SearchMatch> search(
            Connection connection, DSLContext dsl, StoredCollection collection, String tenant, SearchRequest request)
            throws SQLException {
        Distances distances = new Distances(collection.spec());
        ResultQuery<?> query = query(dsl, collection, tenant, request, distances);
        IndexType index = collection.spec().index().type();
        List<Scored> rows = List.of();
        if (index != IndexType.NONE) {
            tune(connection, collection.spec().index(), request);
            rows = run(query);
        }
        if (rows.size() < request.topK()) {
            exact(connection, request.filter() != null);
            rows = run(query);
        }
        return rows.stream()
                .sorted(Comparator.comparingDouble(Scored::distance)
                        .thenComparing(s -> s.chunk().id()))
                .map(s -> new SearchMatch(s.chunk(), distances.score(s.distance())))
                .filter(m -> m.score() >= request.minScore())
                .toList();
    }

    /** The query, for tests that EXPLAIN it. */
    static ResultQuery<?> query(
            DSLContext dsl, StoredCollection collection, String tenant, SearchRequest request, Distances distances) {
        Field<Double> distance = distances.distanceTo(request.vector()).as("distance");
        List<Field<?>> fields = new ArrayList<>(ChunkColumns.COLUMNS);
        fields.add(distance);
        return dsl.select(fields)
                .from(VECTOR_CHUNKS)
                .where(
                        VECTOR_CHUNKS.TENANT_ID.eq(tenant),
                        VECTOR_CHUNKS.COLLECTION_ID.eq(DSL.inline(collection.id())),
                        FilterSql.of(request.filter()))
                .orderBy(DSL.field(DSL.name("distance")))
                .limit(DSL.inline(request.topK()));
    }

    /** Sets the index knobs for this transaction, in one statement. */
    static void tune(Connection connection, IndexSettings index, SearchRequest request) throws SQLException {
        SearchTuning tuning = request.tuning();
        if (index.type() == IndexType.HNSW) {
            int ef = tuning.efSearch() > 0 ? tuning.efSearch() : DEFAULT_EF_SEARCH;
            set(connection, "hnsw.ef_search", Math.min(1_000, Math.max(request.topK(), ef)), "hnsw.iterative_scan");
        } else {
            int probes = tuning.probes() > 0 ? tuning.probes() : (int) Math.ceil(Math.sqrt(index.lists()));
            set(connection, "ivfflat.probes", Math.min(probes, index.lists()), "ivfflat.iterative_scan");
        }
    }

    /**
     * Sets the candidate knob, turns on the relaxed iterative scan, keeps plans custom, and takes sequential and
     * bitmap scans off the table so the planner walks the approximate index whatever it estimates for the
     * filter (its jsonb selectivity estimates are rough); the exact retry turns index scans off instead.
     */
    private static void set(Connection connection, String knob, int value, String iterativeScan) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true),"
                + " set_config(?, 'relaxed_order', true), set_config('plan_cache_mode', 'force_custom_plan', true),"
                + " set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)")) {
            statement.setString(1, knob);
            statement.setString(2, Integer.toString(value));
            statement.setString(3, iterativeScan);
            statement.execute();
        }
    }

    /**
     * Settings for the exact search: no index scans (so no approximate index); with a filter, no sequential scan
     * either, so a containment filter is served by the metadata index (the exact search runs when the filter is
     * too selective for the approximate walk, which is when that index pays off).
     */
    static void exact(Connection connection, boolean filtered) throws SQLException {
        try (PreparedStatement exact = connection.prepareStatement("select set_config('enable_indexscan', 'off', true),"
                + " set_config('enable_seqscan', ?, true), set_config('enable_bitmapscan', 'on', true)")) {
            exact.setString(1, filtered ? "off" : "on");
            exact.execute();
        }
    }

    private static List<Scored> run(ResultQuery<?> query) {
        List<Scored> rows = new ArrayList<>();
        try (ResultSet result = query.fetchResultSet()) {
            while (result.next()) {
                Chunk chunk = ChunkColumns.READER.read(result);
                rows.add(new Scored(chunk, result.getDouble(6)));
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading search results failed", e);
        }
        return rows;
    }

    private record Scored(Chunk chunk, double distance) {}
}

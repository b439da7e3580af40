package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.RowReader;
import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.IndexType;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.SearchTuning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Top-k search in one collection for one tenant.
 *
 * <p>One round trip: the tenant and the settings below are set with {@code set_config(..., true)} in the same
 * transaction as the query. The query orders by the indexed distance expression with the collection's id as a constant, so PostgreSQL
 * prunes to the collection's partition and walks its HNSW or IVFFlat index. The settings: {@code hnsw.ef_search} (at least top-k, since HNSW returns at most that many rows) or
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
    static List<SearchMatch> search(TenantSql sql, StoredCollection collection, SearchRequest request) {
        Distances distances = new Distances(collection.spec());
        ResultQuery<?> query = query(DSL.using(SQLDialect.POSTGRES), collection, sql.tenant(), request, distances);
        IndexType index = collection.spec().index().type();
        List<Scored> rows = List.of();
        if (index != IndexType.NONE) {
            rows = sql.queryWithSettings(annSettings(collection.spec().index(), request), query, Scored.READER);
        }
        if (rows.size() < request.topK()) {
            rows = sql.queryWithSettings(exactSettings(request.filter() != null), query, Scored.READER);
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
                .where(collection.chunksOf(tenant), FilterSql.of(request.filter()))
                .orderBy(DSL.field(DSL.name("distance")))
                .limit(DSL.inline(request.topK()));
    }

    /**
     * The settings of the index walk: the candidate knob, the relaxed iterative scan, custom plans, and sequential
     * and bitmap scans off the table so the planner walks the approximate index whatever it estimates for the
     * filter (its jsonb selectivity estimates are rough).
     */
    static Map<String, String> annSettings(IndexSettings index, SearchRequest request) {
        SearchTuning tuning = request.tuning();
        Map<String, String> settings = new LinkedHashMap<>();
        if (index.type() == IndexType.HNSW) {
            int ef = tuning.efSearch() > 0 ? tuning.efSearch() : DEFAULT_EF_SEARCH;
            settings.put("hnsw.ef_search", Integer.toString(Math.min(1_000, Math.max(request.topK(), ef))));
            settings.put("hnsw.iterative_scan", "relaxed_order");
        } else {
            int probes = tuning.probes() > 0 ? tuning.probes() : (int) Math.ceil(Math.sqrt(index.lists()));
            settings.put("ivfflat.probes", Integer.toString(Math.min(probes, index.lists())));
            settings.put("ivfflat.iterative_scan", "relaxed_order");
        }
        settings.put("plan_cache_mode", "force_custom_plan");
        settings.put("enable_seqscan", "off");
        settings.put("enable_bitmapscan", "off");
        settings.put("jit", "off"); // a disabled path costs 1e10 on paper, which would trigger JIT compilation
        return settings;
    }

    /**
     * The settings of the exact search: no index scans (so no approximate index); with a filter, no sequential
     * scan either, so a containment filter is served by the metadata index (the exact search runs when the filter
     * is too selective for the approximate walk, which is when that index pays off).
     */
    static Map<String, String> exactSettings(boolean filtered) {
        return Map.of("enable_indexscan", "off", "enable_seqscan", filtered ? "off" : "on", "jit", "off");
    }

    /** A chunk and its distance from the query. */
    private record Scored(Chunk chunk, double distance) {
        static final RowReader<Scored> READER = row -> new Scored(ChunkColumns.READER.read(row), row.getDouble(6));
    }
}

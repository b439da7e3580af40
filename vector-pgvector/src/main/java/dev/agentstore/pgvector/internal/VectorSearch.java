package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import com.pgvector.PGvector;
import dev.agentstore.postgres.spi.MetadataFilterSql;
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
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Top-k search in one collection for one tenant.
 *
 * <p>One round trip: the tenant and the settings of {@link #annSettings} are set with {@code set_config(...,
 * true)} in the same transaction as the query. The query orders by the indexed distance expression with the
 * collection's id as a constant, so PostgreSQL prunes to the collection's partition and walks its HNSW or IVFFlat
 * index; it reads the embedding of each match only when the caller asked for it. With a filter, pgvector 0.8's
 * iterative scan in relaxed order makes a filter that rejects most of the nearest rows go on scanning instead of
 * returning short; relaxed order may return rows slightly out of order, so rows are re-sorted by their exact
 * distance. If the index
 * still returns fewer than top-k rows (a very selective filter), the search is repeated exactly (index scans off,
 * the filter served by the metadata index or a scan of the partition), which returns top-k whenever that many rows
 * match: the promise {@link dev.agentstore.vector.VectorRepository#search} makes.
 */
final class VectorSearch {
    private static final int DEFAULT_EF_SEARCH = 40;

    private VectorSearch() {}

    /** The best matches, best first, at most {@code request.topK()}, at least {@code request.minScore()}. */
    static List<SearchMatch> search(
            TenantSql sql, SearchTemplates templates, StoredCollection collection, SearchRequest request) {
        Distances distances = new Distances(collection.spec());
        List<Scored> rows = List.of();
        if (collection.spec().index().type() != IndexType.NONE) {
            rows = run(sql, templates, collection, request, distances, false);
        }
        if (rows.size() < request.topK()) {
            rows = run(sql, templates, collection, request, distances, true);
        }
        return rows.stream()
                .sorted(Comparator.comparingDouble(Scored::distance)
                        .thenComparing(s -> s.chunk().id()))
                .map(s -> new SearchMatch(s.chunk(), distances.score(s.distance())))
                .filter(m -> m.score() >= request.minScore())
                .limit(request.topK())
                .toList();
    }

    /**
     * The approximate walk or the exact search: an unfiltered one from its pre-rendered template, a filtered one
     * built and rendered per call (its shape is the caller's filter).
     */
    private static List<Scored> run(
            TenantSql sql,
            SearchTemplates templates,
            StoredCollection collection,
            SearchRequest request,
            Distances distances,
            boolean exact) {
        Map<String, String> settings = exact
                ? exactSettings(request.filter() != null)
                : annSettings(collection.spec().index(), request);
        RowReader<Scored> reader = Scored.reader(request.includeEmbeddings());
        if (request.filter() == null) {
            Map<String, Object> values = Map.of(
                    "vector", new PGvector(request.vector()), "tenant", sql.tenant(), "rows", rows(request, exact));
            return sql.replicaReads()
                    .queryWithSettings(
                            settings,
                            templates.unfiltered(collection, request.includeEmbeddings(), exact),
                            values,
                            reader);
        }
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
        return sql.replicaReads()
                .queryWithSettings(settings, query(dsl, collection, sql.tenant(), request, distances, exact), reader);
    }

    /**
     * The unfiltered search as a template: the query vector, tenant and row count are the named parameters {@code
     * vector}, {@code tenant} and {@code rows}; everything else is the collection's constants.
     */
    static Select<?> unfiltered(DSLContext dsl, StoredCollection collection, boolean withEmbeddings, boolean exact) {
        Distances distances = new Distances(collection.spec());
        Param<float[]> vector = DSL.param("vector", VECTOR_CHUNKS.EMBEDDING.getDataType());
        Field<Double> distance = distances.distanceTo(vector).as("distance");
        List<Field<?>> fields = new ArrayList<>(ChunkColumns.columns(withEmbeddings));
        fields.add(distance);
        Field<Object> byDistance = DSL.field(DSL.name("distance"));
        return dsl.select(fields)
                .from(VECTOR_CHUNKS)
                .where(
                        VECTOR_CHUNKS.TENANT_ID.eq(DSL.param("tenant", String.class)),
                        VECTOR_CHUNKS.COLLECTION_ID.eq(DSL.inline(collection.id())))
                .orderBy(exact ? List.of(byDistance, VECTOR_CHUNKS.ID) : List.of(byDistance))
                .limit(DSL.param("rows", Integer.class));
    }

    /**
     * The query of the approximate walk, or of the exact search. The two differ in text (the exact one breaks ties
     * by id), so each has a server-prepared statement and cached plan of its own: a plan is made under the settings
     * of its first execution, and the two sets of settings ask for opposite plans.
     */
    static ResultQuery<?> query(
            DSLContext dsl,
            StoredCollection collection,
            String tenant,
            SearchRequest request,
            Distances distances,
            boolean exact) {
        Field<Double> distance = distances.distanceTo(request.vector()).as("distance");
        List<Field<?>> fields = new ArrayList<>(ChunkColumns.columns(request.includeEmbeddings()));
        fields.add(distance);
        Field<Object> byDistance = DSL.field(DSL.name("distance"));
        return dsl.select(fields)
                .from(VECTOR_CHUNKS)
                .where(collection.chunksOf(tenant), MetadataFilterSql.of(VECTOR_CHUNKS.METADATA, request.filter()))
                .orderBy(exact ? List.of(byDistance, VECTOR_CHUNKS.ID) : List.of(byDistance))
                .limit(DSL.inline(rows(request, exact)));
    }

    /**
     * The settings of the index walk: the candidate knob and the iterative scan; sequential scans, bitmap
     * scans and sorts off, so the only plan without a disabled step is the walk of the approximate index, whatever
     * the planner estimates for the filter (its jsonb selectivity estimates are rough) or believes about a table
     * just loaded and not yet analysed (otherwise a B-tree scan sorted by distance can win: an exact search, 20
     * times slower); and so that plan is the same for every query vector and filter value, and generic plans: a
     * server-prepared statement is planned once per connection instead of on every call (10-15% of an unfiltered
     * top-10 search: benchmarks/README.md).
     */
    static Map<String, String> annSettings(IndexSettings index, SearchRequest request) {
        SearchTuning tuning = request.tuning();
        Map<String, String> settings = new LinkedHashMap<>();
        if (index.type() == IndexType.HNSW) {
            int ef = tuning.efSearch() > 0 ? tuning.efSearch() : DEFAULT_EF_SEARCH;
            settings.put("hnsw.ef_search", Integer.toString(Math.min(1_000, Math.max(request.topK(), ef))));
            settings.put("hnsw.iterative_scan", iterativeScan(request));
        } else {
            int probes = tuning.probes() > 0 ? tuning.probes() : (int) Math.ceil(Math.sqrt(index.lists()));
            settings.put("ivfflat.probes", Integer.toString(Math.min(probes, index.lists())));
            settings.put("ivfflat.iterative_scan", iterativeScan(request));
        }
        settings.put("plan_cache_mode", "force_generic_plan");
        settings.put("enable_seqscan", "off");
        settings.put("enable_bitmapscan", "off");
        settings.put("enable_sort", "off");
        settings.put("jit", "off"); // a disabled path costs 1e10 on paper, which would trigger JIT compilation
        return settings;
    }

    /**
     * How many rows the query asks for: top-k, but half as many again from the relaxed walk of a filtered search,
     * whose rows come slightly out of order, so the re-sort in Java picks the best k of a wider net. Measured at
     * ef_search 40 with a 10% filter (50,000 x 384, 2026-12-03): recall 0.967 asking for k, 0.979 for 1.2k, 0.987
     * for 1.5k, 0.993 for 2k, the median latency rising by about 0%, 15% and 35% over k.
     */
    private static int rows(SearchRequest request, boolean exact) {
        int topK = request.topK();
        return exact || request.filter() == null ? topK : Math.min(1_000, topK + (topK + 1) / 2);
    }

    /**
     * pgvector's iterative scan for a filtered search, so a filter that rejects most of the nearest rows makes the
     * walk go on; off for an unfiltered one, which the first {@code ef_search} candidates answer (keeping it on
     * costs about 6%: benchmarks/README.md).
     */
    private static String iterativeScan(SearchRequest request) {
        return request.filter() == null ? "off" : "relaxed_order";
    }

    /**
     * The settings of the exact search: no index scans (so no approximate index); with a filter, no sequential
     * scan either, so a containment filter is served by the metadata index (the exact search runs when the filter
     * is too selective for the approximate walk, which is when that index pays off).
     */
    static Map<String, String> exactSettings(boolean filtered) {
        return Map.of(
                "enable_indexscan",
                "off",
                "enable_seqscan",
                filtered ? "off" : "on",
                "plan_cache_mode",
                "force_custom_plan",
                "jit",
                "off");
    }

    /** A chunk and its distance from the query. */
    private record Scored(Chunk chunk, double distance) {
        private static final RowReader<Scored> WITH_EMBEDDING = reader(ChunkColumns.READER, 6);
        private static final RowReader<Scored> WITHOUT_EMBEDDING = reader(ChunkColumns.READER_WITHOUT_EMBEDDING, 5);

        /** Reads the chunk's columns, with or without the embedding, and then the distance. */
        static RowReader<Scored> reader(boolean withEmbedding) {
            return withEmbedding ? WITH_EMBEDDING : WITHOUT_EMBEDDING;
        }

        private static RowReader<Scored> reader(RowReader<Chunk> chunk, int distanceColumn) {
            return row -> new Scored(chunk.read(row), row.getDouble(distanceColumn));
        }
    }
}

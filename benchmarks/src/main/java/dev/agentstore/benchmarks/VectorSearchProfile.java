package dev.agentstore.benchmarks;

import com.pgvector.PGvector;
import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.SearchTuning;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 23's profile of an unfiltered top-10 vector search at ef_search 40, one component at a time: 50,000
 * embedding-like vectors of dimension 384 in agentstore (HNSW m 16, ef_construction 64, cosine), the same rows in
 * a plain table with the same index ({@link RawPgvector}), and a plain copy of agentstore's collection partition;
 * 1,000 queries per round and side, the sides taking turns in blocks ({@link ProfileTable}). Each side adds one
 * thing to the one above it:
 *
 * <ol>
 *   <li>the baseline: raw JDBC on the plain table, the query vector bound as pgvector-java's {@code PGvector},
 *       reading id, content, metadata and distance;
 *   <li>each match's embedding returned too ({@code vector_send});
 *   <li>{@code begin}, the tenant and agentstore's index settings in the same round trip, then {@code commit};
 *   <li>agentstore's statement (its columns, its distance expression on the collection's expression index, the
 *       tenant and collection predicates) on a plain copy of the collection's partition, as the owner;
 *   <li>the same on agentstore's partitioned table, as a superuser (so without row-level security);
 *   <li>the same as the runtime role: row-level security; this is the statement agentstore sends;
 *   <li>the same with custom plans ({@code plan_cache_mode = force_custom_plan}), as agentstore planned every
 *       search until issue 23;
 *   <li>the statement agentstore sends with pgvector's iterative scan on ({@code relaxed_order}), as agentstore
 *       walked unfiltered searches until issue 23 (it keeps it for filtered ones);
 *   <li>agentstore's {@code search}: the pool, validation, the collection lookup, building and binding the query,
 *       reading the rows into chunks (metadata JSON parsed);
 *   <li>agentstore's {@code search} asking for the embeddings.
 * </ol>
 *
 * Prints a Markdown table of medians over rounds, with the median of each round's ratio to the baseline.
 */
public final class VectorSearchProfile {
    private static final int ROWS = 50_000;
    private static final int QUERIES = 1_000;
    private static final String RAW = "select id, content, metadata::text, embedding <=> ? as distance"
            + " from raw_items order by embedding <=> ? limit 10";
    private static final String RAW_WITH_EMBEDDING = "select id, content, metadata::text, vector_send(embedding),"
            + " embedding <=> ? as distance from raw_items order by embedding <=> ? limit 10";

    private VectorSearchProfile() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        EmbeddingLikeData data = new EmbeddingLikeData(42);
        List<float[]> vectors = data.next(ROWS);
        List<float[]> queries = data.next(QUERIES);
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection owner = database.adminConnection()) {
            new RawPgvector(owner).load(vectors);
            VectorRepository ours = store.forTenant("bench").vectors();
            List<Chunk> chunks = new ArrayList<>(ROWS);
            for (int i = 0; i < ROWS; i++) {
                chunks.add(new Chunk(
                        VectorBenchmark.id(i),
                        null,
                        VectorBenchmark.content(i),
                        vectors.get(i),
                        Map.of("bucket", i % 10)));
            }
            ours.createCollection(
                    CollectionSpec.of("bench", EmbeddingLikeData.DIMENSION).withIndex(IndexSettings.hnsw(16, 64)));
            ours.upsert("bench", chunks);
            String collectionId = plainCopy(owner);
            String[] names = {
                "raw: plain table, one statement, PGvector (baseline)",
                "+ each match's embedding returned (vector_send)",
                "+ begin, tenant and agentstore's index settings in the same round trip, commit",
                "agentstore's statement on a plain copy of the collection (owner)",
                "the same on agentstore's partitioned table (superuser: no row-level security)",
                "+ row-level security (runtime role): the statement agentstore sends",
                "+ custom plans (force_custom_plan), as before issue 23",
                "the statement agentstore sends, iterative scan relaxed_order, as before issue 23",
                "agentstore search (pool, validation, lookup, query building, chunks)",
                "agentstore search asking for embeddings"
            };
            String settings = settings("off", "force_generic_plan");
            String onPlainCopy = settings + agentstoreStatement("public.plain_chunks", collectionId) + "; commit";
            String onPartitions = settings + agentstoreStatement("agentstore.vector_chunks", collectionId) + "; commit";
            String customPlans = settings("off", "force_custom_plan")
                    + agentstoreStatement("agentstore.vector_chunks", collectionId) + "; commit";
            String iterativeOn = settings("relaxed_order", "force_generic_plan")
                    + agentstoreStatement("agentstore.vector_chunks", collectionId) + "; commit";
            String rawWithSettings = settings + RAW + "; commit";
            SearchTuning tuning = SearchTuning.efSearch(40);
            ProfileTable<float[]> table = new ProfileTable<>(rounds);
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                try (Connection raw = rawSession(database);
                        Connection embedding = rawSession(database);
                        Connection prefixed = database.adminConnection();
                        Connection plain = database.adminConnection();
                        Connection partitioned = database.adminConnection();
                        Connection secured = database.runtimeConnection();
                        Connection custom = database.runtimeConnection();
                        Connection iterating = database.runtimeConnection();
                        AgentStore searching = AgentStore.open(BenchmarkConfig.of(database))) {
                    VectorRepository fresh = searching.forTenant("bench").vectors();
                    List<ProfileTable.Call<float[]>> calls = List.of(
                            q -> JdbcDrain.run(raw, RAW, new PGvector(q), new PGvector(q)),
                            q -> JdbcDrain.run(embedding, RAW_WITH_EMBEDDING, new PGvector(q), new PGvector(q)),
                            q -> JdbcDrain.run(prefixed, rawWithSettings, new PGvector(q), new PGvector(q)),
                            q -> JdbcDrain.run(plain, onPlainCopy, new PGvector(q), "bench"),
                            q -> JdbcDrain.run(partitioned, onPartitions, new PGvector(q), "bench"),
                            q -> JdbcDrain.run(secured, onPartitions, new PGvector(q), "bench"),
                            q -> JdbcDrain.run(custom, customPlans, new PGvector(q), "bench"),
                            q -> JdbcDrain.run(iterating, iterativeOn, new PGvector(q), "bench"),
                            q -> fresh.search("bench", SearchRequest.of(q, 10).withTuning(tuning)),
                            q -> fresh.search(
                                    "bench",
                                    SearchRequest.of(q, 10).withTuning(tuning).withEmbeddings()));
                    List<ProfileTable.Side<float[]>> sides = new ArrayList<>();
                    for (int s = 0; s < calls.size(); s++) {
                        sides.add(new ProfileTable.Side<>(names[s], calls.get(s)));
                    }
                    table.round(round, sides, queries);
                }
            }
            table.print(0, "baseline");
        }
    }

    /**
     * Analyses both tables and copies the collection's partition into {@code public.plain_chunks} with the same
     * HNSW index; returns the collection's id.
     */
    private static String plainCopy(Connection owner) throws SQLException {
        try (Statement ddl = owner.createStatement()) {
            String collectionId;
            try (ResultSet id = ddl.executeQuery(
                    "select id from agentstore.vector_collections where tenant_id = 'bench' and name = 'bench'")) {
                id.next();
                collectionId = id.getString(1);
            }
            ddl.execute("set maintenance_work_mem = '256MB'");
            ddl.execute("create table public.plain_chunks as select * from agentstore.vector_chunks"
                    + " where collection_id = '" + collectionId + "'");
            ddl.execute("create index on public.plain_chunks using hnsw ((embedding::vector("
                    + EmbeddingLikeData.DIMENSION + ")) vector_cosine_ops) with (m = 16, ef_construction = 64)");
            ddl.execute("vacuum analyze raw_items");
            ddl.execute("vacuum analyze public.plain_chunks");
            ddl.execute("vacuum analyze agentstore.vector_chunks");
            return collectionId;
        }
    }

    /** The statement agentstore sends for an unfiltered top-10 without embeddings, on {@code table}. */
    private static String agentstoreStatement(String table, String collectionId) {
        int dimension = EmbeddingLikeData.DIMENSION;
        return "select id, document_id, content, metadata, (embedding::vector(" + dimension + ")) <=> ?::vector("
                + dimension + ") as distance from " + table + " where tenant_id = ? and collection_id = '"
                + collectionId + "' order by distance limit 10";
    }

    /** The transaction start and settings agentstore sends before an unfiltered search at ef_search 40. */
    private static String settings(String iterativeScan, String planCacheMode) {
        return "begin; select set_config('agentstore.tenant_id', 'bench', true),"
                + " set_config('hnsw.ef_search', '40', true),"
                + " set_config('hnsw.iterative_scan', '" + iterativeScan + "', true),"
                + " set_config('plan_cache_mode', '" + planCacheMode + "', true),"
                + " set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),"
                + " set_config('enable_sort', 'off', true), set_config('jit', 'off', true); ";
    }

    /** A connection as the table owner with the raw side's index settings. */
    private static Connection rawSession(PostgresDatabase database) throws SQLException {
        Connection connection = database.adminConnection();
        try (Statement set = connection.createStatement()) {
            set.execute("set hnsw.ef_search = 40");
            set.execute("set hnsw.iterative_scan = off");
        }
        return connection;
    }
}

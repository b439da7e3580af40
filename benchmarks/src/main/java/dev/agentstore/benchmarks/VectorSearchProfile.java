package dev.agentstore.benchmarks;

import com.pgvector.PGvector;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentstore.AgentStore;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.TenantSql;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * Issue 23's profile of an unfiltered top-10 vector search at ef_search 40, one component at a time: 50,000
 * embedding-like vectors of dimension 384 in agentstore (HNSW m 16, ef_construction 64, cosine) and the same rows in
 * a plain table with the same index ({@link RawPgvector}); 1,000 queries per round, the sides taking turns query by
 * query, reading id, content, metadata and distance:
 *
 * <ol>
 *   <li>the query vector bound as {@code varchar} text and cast with {@code ::vector}, as the raw side did before;
 *   <li>bound as pgvector-java's {@code PGvector}: the raw baseline;
 *   <li>also returning each match's embedding ({@code vector_send}, binary), as agentstore does;
 *   <li>also sent as agentstore sends it: {@code begin}, the tenant and index settings ({@code hnsw.ef_search},
 *       {@code hnsw.iterative_scan}, {@code plan_cache_mode}) in the same round trip, {@code commit};
 *   <li>agentstore's {@code search}: adds the partitioned, row-level-secured collection table and the Java side;
 *   <li>agentstore's statement written by hand (its columns, the collection's index expression, the same settings)
 *       on one connection as the runtime role: the database's part of the step above without the Java side;
 *   <li>the same with PostgreSQL free to use a generic plan;
 *   <li>the statement agentstore sends, copied verbatim from a pgjdbc trace, run by hand;
 *   <li>the same on a connection borrowed for each call from a HikariCP pool set up like agentstore's;
 *   <li>the same statement as a jOOQ query through the supported {@code TenantSql.queryWithSettings}, as
 *       vector-pgvector sends it.
 * </ol>
 *
 * Prints a Markdown table of medians over rounds, with the median of each round's ratio to side 2.
 */
public final class VectorSearchProfile {
    private static final int ROWS = 50_000;
    private static final int QUERIES = 1_000;
    private static final String COLUMNS = "id, content, metadata::text";
    private static final String TEXT = "select " + COLUMNS + ", embedding <=> ?::vector as distance from raw_items"
            + " order by embedding <=> ?::vector limit 10";
    private static final String TYPED =
            "select " + COLUMNS + ", embedding <=> ? as distance from raw_items" + " order by embedding <=> ? limit 10";
    private static final String WITH_EMBEDDING = "select " + COLUMNS + ", vector_send(embedding),"
            + " embedding <=> ? as distance from raw_items order by embedding <=> ? limit 10";
    private static final String AS_AGENTSTORE = "begin; select set_config('agentstore.tenant_id', 'bench', true),"
            + " set_config('hnsw.ef_search', '40', true), set_config('hnsw.iterative_scan', 'relaxed_order', true),"
            + " set_config('plan_cache_mode', 'force_custom_plan', true); " + WITH_EMBEDDING + "; commit";

    /** The settings agentstore's search sets, in its order. */
    private static final Map<String, String> TENANT_SQL_SETTINGS = settings();

    private VectorSearchProfile() {}

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hnsw.ef_search", "40");
        settings.put("hnsw.iterative_scan", "relaxed_order");
        settings.put("plan_cache_mode", "force_custom_plan");
        settings.put("enable_seqscan", "off");
        settings.put("enable_bitmapscan", "off");
        settings.put("jit", "off");
        return settings;
    }

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        EmbeddingLikeData data = new EmbeddingLikeData(42);
        List<float[]> vectors = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            vectors.add(data.next());
        }
        List<float[]> queries = new ArrayList<>(QUERIES);
        for (int q = 0; q < QUERIES; q++) {
            queries.add(data.next());
        }
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection owner = database.adminConnection()) {
            new RawPgvector(owner).ingest(vectors);
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
            String collectionId;
            try (Statement analyze = owner.createStatement()) {
                analyze.execute("vacuum analyze raw_items");
                analyze.execute("vacuum analyze agentstore.vector_chunks");
                try (ResultSet id = analyze.executeQuery(
                        "select id from agentstore.vector_collections where tenant_id = 'bench' and name = 'bench'")) {
                    id.next();
                    collectionId = id.getString(1);
                }
            }
            String agentstoreShaped = "select id, document_id, content, vector_send(embedding), metadata,"
                    + " (embedding::vector(384)) <=> ?::vector(384) as distance from agentstore.vector_chunks"
                    + " where tenant_id = 'bench' and collection_id = '" + collectionId + "'"
                    + " order by distance limit 10";
            String settings = "begin; select set_config('agentstore.tenant_id', 'bench', true),"
                    + " set_config('hnsw.ef_search', '40', true),"
                    + " set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('enable_seqscan', 'off',"
                    + " true), set_config('enable_bitmapscan', 'off', true), set_config('jit', 'off', true)";
            String customPlan = settings + ", set_config('plan_cache_mode', 'force_custom_plan', true); "
                    + agentstoreShaped + "; commit";
            String anyPlan = settings + "; " + agentstoreShaped + "; commit";
            String asSent = settings + ", set_config('plan_cache_mode', 'force_custom_plan', true); "
                    + "select \"agentstore\".\"vector_chunks\".\"id\", \"agentstore\".\"vector_chunks\".\"document_id\","
                    + " \"agentstore\".\"vector_chunks\".\"content\","
                    + " vector_send(\"agentstore\".\"vector_chunks\".\"embedding\"),"
                    + " \"agentstore\".\"vector_chunks\".\"metadata\","
                    + " (\"embedding\"::vector(384)) <=> ?::vector::vector(384) as \"distance\""
                    + " from \"agentstore\".\"vector_chunks\" where (\"agentstore\".\"vector_chunks\".\"tenant_id\" = ?"
                    + " and \"agentstore\".\"vector_chunks\".\"collection_id\" = cast('" + collectionId
                    + "' as uuid) and true) order by \"distance\" fetch next 10 rows only; commit";
            String[] names = {
                "raw, query vector bound as varchar text and cast",
                "raw, bound as PGvector (baseline)",
                "+ each match's embedding returned (vector_send)",
                "+ begin, tenant and index settings in the same round trip, commit",
                "+ agentstore search (partitioned RLS table, Java side)",
                "agentstore's statement by hand (runtime role, RLS, custom plans)",
                "agentstore's statement by hand, plans left to PostgreSQL",
                "the statement agentstore sends, verbatim (pgjdbc trace), by hand",
                "the same, each call on a connection borrowed from a HikariCP pool set up like agentstore's",
                "the same statement as a jOOQ query through TenantSql.queryWithSettings on that pool"
            };
            ProfileTable<float[]> table = new ProfileTable<>(rounds);
            SearchTuning tuning = SearchTuning.efSearch(40);
            HikariConfig hikari = new HikariConfig();
            hikari.setJdbcUrl(database.url());
            hikari.setUsername(database.runtimeRole());
            hikari.setPassword("runtime");
            hikari.setMaximumPoolSize(4);
            hikari.setMinimumIdle(2);
            hikari.setAutoCommit(true);
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
            hikari.addDataSourceProperty("connectTimeout", "5");
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                try (Connection text = session(database);
                        Connection typed = session(database);
                        Connection embedding = session(database);
                        Connection prefixed = database.adminConnection();
                        Connection custom = database.runtimeConnection();
                        Connection generic = database.runtimeConnection();
                        Connection verbatim = database.runtimeConnection();
                        HikariDataSource pool = new HikariDataSource(hikari);
                        HikariDataSource tenantPool = new HikariDataSource(hikari);
                        AgentStore searching = AgentStore.open(BenchmarkConfig.of(database))) {
                    // A store of its own per round, as every other side gets fresh connections per round (the
                    // loading store's connections did the bulk load).
                    VectorRepository fresh = searching.forTenant("bench").vectors();
                    TenantSql tenantSql = new TenantSql(PostgresDsl.create(tenantPool, "agentstore"), "bench");
                    List<ProfileTable.Call<float[]>> calls = List.of(
                            q -> JdbcDrain.run(text, TEXT, format(q), format(q)),
                            q -> twice(typed, TYPED, new PGvector(q)),
                            q -> twice(embedding, WITH_EMBEDDING, new PGvector(q)),
                            q -> twice(prefixed, AS_AGENTSTORE, new PGvector(q)),
                            q -> fresh.search("bench", SearchRequest.of(q, 10).withTuning(tuning)),
                            q -> JdbcDrain.run(custom, customPlan, new PGvector(q)),
                            q -> JdbcDrain.run(generic, anyPlan, new PGvector(q)),
                            q -> JdbcDrain.run(verbatim, asSent, new PGvector(q), "bench"),
                            q -> {
                                try (Connection borrowed = pool.getConnection()) {
                                    JdbcDrain.run(borrowed, asSent, new PGvector(q), "bench");
                                }
                            },
                            q -> tenantSql.queryWithSettings(
                                    TENANT_SQL_SETTINGS,
                                    DSL.resultQuery(
                                            "select id, document_id, content, vector_send(embedding), metadata,"
                                                    + " (embedding::vector(384)) <=> {0}::vector(384) as distance"
                                                    + " from agentstore.vector_chunks where tenant_id = {1}"
                                                    + " and collection_id = cast({2} as uuid) order by distance limit 10",
                                            DSL.val(q, PgvectorParameter.TYPE),
                                            DSL.val("bench"),
                                            DSL.inline(collectionId)),
                                    row -> {
                                        for (int c = 1; c <= 6; c++) {
                                            row.getObject(c);
                                        }
                                        return row.getString(1);
                                    }));
                    List<ProfileTable.Side<float[]>> sides = new ArrayList<>();
                    for (int s = 0; s < calls.size(); s++) {
                        sides.add(new ProfileTable.Side<>(names[s], calls.get(s)));
                    }
                    table.round(round, sides, queries);
                }
            }
            table.print(1, "baseline");
        }
    }

    /** A connection as the table owner with the raw side's index settings. */
    private static Connection session(PostgresDatabase database) throws SQLException {
        Connection connection = database.adminConnection();
        try (Statement set = connection.createStatement()) {
            set.execute("set hnsw.ef_search = 40");
            set.execute("set hnsw.iterative_scan = off");
        }
        return connection;
    }

    /** Runs {@code sql}, which takes the query vector twice (distance and order). */
    private static void twice(Connection connection, String sql, Object vector) throws SQLException {
        JdbcDrain.run(connection, sql, vector, vector);
    }

    private static String format(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }
}

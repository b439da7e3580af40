package dev.agentstore.pgvector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import dev.agentstore.AgentStore;
import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.postgres.spi.SqlTemplate;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN, as the runtime role under row-level security, proves that searches walk the collection's HNSW index
 * (also with a filter and after more than five executions, when pgjdbc has prepared the statement on the server)
 * and that a selective equality filter uses the metadata GIN index (in a collection without an approximate index,
 * as the exact retry of a filtered search runs), in a database set up for it: {@code jsonb_contains} marked
 * LEAKPROOF by the DBA and {@code pgvector.leakproof-jsonb=true}.
 */
class PgvectorIndexUsageIT {
    private static final int DIMENSION = 32;
    private static final String TENANT = "explain-" + UUID.randomUUID();

    private static PostgresDatabase database;
    private static AgentStore store;
    private static StoredCollection collection;

    @BeforeAll
    static void loadCollection() throws SQLException {
        database = PostgresDatabase.create(TestServers.postgres());
        database.markJsonbContainsLeakproof(); // the DBA's step, and the store's opt-in below
        store = AgentStore.open(database.storeConfig().toBuilder()
                .set("pgvector.leakproof-jsonb", "true")
                .migrateOnOpen(true)
                .build());
        VectorRepository vectors = store.forTenant(TENANT).vectors();
        CollectionSpec spec = CollectionSpec.of("explained", DIMENSION);
        vectors.createCollection(spec);
        Random random = new Random(1);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> metadata =
                    i % 500 == 0 ? Map.of("tag", "rare", "bucket", i % 10) : Map.of("bucket", i % 10);
            chunks.add(Chunk.of("c" + i, "chunk " + i, gaussian(random)).withMetadata(metadata));
        }
        vectors.upsert("explained", chunks);
        collection = StoredCollections.find(database, TENANT, "explained", spec);
        database.executeAsAdmin(
                "vacuum analyze agentstore.vector_chunks"); // as autovacuum would: GIN pending list merged
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void should_walk_the_hnsw_index_with_and_without_a_filter_on_every_execution() throws SQLException {
        float[] query = new float[DIMENSION];
        query[0] = 1;
        for (Filter filter : new Filter[] {null, Filter.eq("bucket", 3)}) {
            SearchRequest request = SearchRequest.of(query, 10).withFilter(filter);
            for (int call = 0; call < 8; call++) {
                assertThat(explain(request)).contains("Index Scan using " + collection.index());
            }
        }
    }

    @Test
    void should_walk_the_hnsw_index_in_the_generic_plan_of_a_collection_not_yet_analysed() throws SQLException {
        // Just loaded, before autovacuum analyses it, the planner believes the partition holds one row: without
        // sorts switched off, it sorts the rows of the primary key's scan by distance instead, an exact search of
        // the whole collection, for the generic plan every call reuses.
        VectorRepository vectors = store.forTenant(TENANT).vectors();
        CollectionSpec spec = CollectionSpec.of("unanalysed", DIMENSION);
        vectors.createCollection(spec);
        StoredCollection fresh = StoredCollections.find(database, TENANT, "unanalysed", spec);
        database.executeAsAdmin("alter table agentstore." + fresh.partition() + " set (autovacuum_enabled = false)");
        Random random = new Random(2);
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            chunks.add(Chunk.of("u" + i, "chunk " + i, gaussian(random)).withMetadata(Map.of("bucket", i % 10)));
        }
        vectors.upsert("unanalysed", chunks);
        float[] query = new float[DIMENSION];
        query[2] = 1;
        for (Filter filter : new Filter[] {null, Filter.eq("bucket", 3)}) {
            SearchRequest request = SearchRequest.of(query, 10).withFilter(filter);
            try (Connection connection = tenantConnection()) {
                apply(connection, VectorSearch.annSettings(spec.index(), request));
                assertThat(genericPlan(connection, fresh, request))
                        .contains("Index Scan using " + fresh.index())
                        .doesNotContain("Sort");
            }
        }
    }

    @Test
    void should_use_the_metadata_index_when_a_selective_filter_makes_the_search_exact() throws SQLException {
        float[] query = new float[DIMENSION];
        query[1] = 1;
        SearchRequest request = SearchRequest.of(query, 20).withFilter(Filter.eq("tag", "rare"));
        try (Connection connection = tenantConnection()) {
            apply(connection, VectorSearch.exactSettings(true));
            assertThat(plan(connection, searchSql(connection, request)))
                    .containsPattern("Bitmap Index Scan on \\S*metadata")
                    .doesNotContain(collection.index());
        }
        assertThat(store.forTenant(TENANT).vectors().search("explained", request))
                .hasSize(10)
                .allMatch(m -> m.chunk().metadata().get("tag").equals("rare"));
    }

    private static float[] gaussian(Random random) {
        float[] vector = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    /** The plan of the search the repository runs, with the same settings, through a server-prepared statement. */
    private static String explain(SearchRequest request) throws SQLException {
        try (Connection connection = tenantConnection()) {
            apply(connection, VectorSearch.annSettings(collection.spec().index(), request));
            return plan(connection, searchSql(connection, request));
        }
    }

    /**
     * The plan of the statement the repository sends for {@code request} (an unfiltered one's template, a filtered
     * one's per-call query), prepared on the server, under this transaction's settings.
     */
    private static String genericPlan(Connection connection, StoredCollection target, SearchRequest request)
            throws SQLException {
        DSLContext dsl = PostgresDsl.create(connection, "agentstore");
        String sql;
        List<String> arguments = new ArrayList<>();
        if (request.filter() == null) {
            sql = SqlTemplate.of(dsl, VectorSearch.unfiltered(dsl, target, false, false))
                    .sql();
            arguments.add(dsl.renderInlined(DSL.inline(new PGvector(request.vector()).getValue())));
            arguments.add(dsl.renderInlined(DSL.inline(TENANT)));
            arguments.add(Integer.toString(request.topK()));
        } else {
            ResultQuery<?> query =
                    VectorSearch.query(dsl, target, TENANT, request, new Distances(target.spec()), false);
            sql = query.getSQL();
            for (Param<?> param : query.getParams().values()) {
                if (param.getParamType() != ParamType.INLINED) {
                    arguments.add(dsl.renderInlined(param));
                }
            }
        }
        StringBuilder numbered = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++next : String.valueOf(c));
        }
        assertThat(next).isEqualTo(arguments.size());
        try (Statement statement = connection.createStatement()) {
            statement.execute("prepare search as " + numbered);
            try {
                return plan(connection, "execute search(" + String.join(", ", arguments) + ")");
            } finally {
                statement.execute("deallocate search");
            }
        }
    }

    private static String searchSql(Connection connection, SearchRequest request) {
        DSLContext dsl = PostgresDsl.create(connection, "agentstore");
        return VectorSearch.query(dsl, collection, TENANT, request, new Distances(collection.spec()), false)
                .getSQL(ParamType.INLINED);
    }

    /** The settings the repository sends with its query, on this connection's transaction. */
    private static void apply(Connection connection, Map<String, String> settings) throws SQLException {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            try (PreparedStatement set = connection.prepareStatement("select set_config(?, ?, true)")) {
                set.setString(1, setting.getKey());
                set.setString(2, setting.getValue());
                set.execute();
            }
        }
    }

    private static String plan(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("explain " + sql);
                ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** A runtime-role connection in a transaction scoped to the tenant. */
    private static Connection tenantConnection() throws SQLException {
        Connection connection = database.runtimeConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement tenant =
                connection.prepareStatement("select set_config('agentstore.tenant_id', ?, true)")) {
            tenant.setString(1, TENANT);
            tenant.execute();
        }
        return connection;
    }
}

package dev.agentstore.pgvector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.IndexSettings;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch larger than its collection (and than {@code pgvector.bulk-load-rows}, 100 here) is loaded around the
 * index: the index is dropped and built anew in the load's transaction, which shows as a new index relation. Smaller
 * batches insert into the existing index. A bulk load that cannot take its lock changes nothing.
 */
class BulkLoadIT {
    private static final int DIMENSION = 8;
    private static final String TENANT = "bulk-" + UUID.randomUUID();

    private static PostgresDatabase database;
    private static AgentStore store;
    private static VectorRepository vectors;

    @BeforeAll
    static void open() {
        database = MigratedPostgres.shared();
        store = AgentStore.open(database.storeConfig().toBuilder()
                .set("pgvector.bulk-load-rows", "100")
                .timeout(Duration.ofSeconds(1))
                .build());
        vectors = store.forTenant(TENANT).vectors();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void aBatchLargerThanTheCollectionRebuildsTheIndexOnceAndSmallerOnesInsertIntoIt() throws SQLException {
        vectors.createCollection(CollectionSpec.of("hnsw", DIMENSION).withIndex(IndexSettings.hnsw(8, 32)));
        long created = indexOid("hnsw");

        List<Chunk> first = chunks("a", 300, 1);
        vectors.upsert("hnsw", first);
        long afterBulk = indexOid("hnsw");
        assertThat(afterBulk).isNotEqualTo(created);
        assertThat(indexIsValid("hnsw")).isTrue();
        assertThat(vectors.count("hnsw")).isEqualTo(300);

        vectors.upsert("hnsw", chunks("b", 50, 2));
        vectors.upsert("hnsw", chunks("c", 200, 3));
        assertThat(indexOid("hnsw")).isEqualTo(afterBulk);
        assertThat(vectors.count("hnsw")).isEqualTo(550);

        Chunk probe = first.get(123);
        List<SearchMatch> nearest = vectors.search("hnsw", SearchRequest.of(probe.embedding(), 5));
        assertThat(nearest).hasSize(5);
        assertThat(nearest.getFirst().chunk().id()).isEqualTo(probe.id());
    }

    @Test
    void replacingADocumentWithABatchLargerThanTheCollectionRebuildsAnIvfflatIndexOverTheRows() throws SQLException {
        vectors.createCollection(CollectionSpec.of("ivf", DIMENSION).withIndex(IndexSettings.ivfflat(4)));
        vectors.upsert(
                "ivf",
                chunks("old", 10, 4).stream().map(c -> c.inDocument("doc")).toList());
        long before = indexOid("ivf");

        vectors.replaceDocument("ivf", "doc", chunks("new", 150, 5));

        assertThat(indexOid("ivf")).isNotEqualTo(before);
        assertThat(vectors.count("ivf")).isEqualTo(150);
        assertThat(vectors.get("ivf", List.of("old0", "new0")))
                .extracting(Chunk::id)
                .containsExactly("new0");
    }

    @Test
    void aBulkLoadThatCannotLockTheCollectionFailsAndChangesNothing() throws SQLException {
        vectors.createCollection(CollectionSpec.of("locked", DIMENSION));
        vectors.upsert("locked", chunks("kept", 20, 6));
        long before = indexOid("locked");
        String partition = partitionOf("locked");

        try (Connection reader = database.adminConnection()) {
            reader.setAutoCommit(false);
            try (Statement lock = reader.createStatement()) {
                lock.execute("lock table agentstore." + partition + " in access share mode");
            }
            assertThatThrownBy(() -> vectors.upsert("locked", chunks("lost", 300, 7)))
                    .isInstanceOf(StoreUnavailableException.class);
            reader.rollback();
        }

        assertThat(vectors.count("locked")).isEqualTo(20);
        assertThat(indexOid("locked")).isEqualTo(before);
        assertThat(indexIsValid("locked")).isTrue();
    }

    private static List<Chunk> chunks(String prefix, int count, long seed) {
        Random random = new Random(seed);
        List<Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] vector = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                vector[d] = (float) random.nextGaussian();
            }
            chunks.add(Chunk.of(prefix + i, prefix + " chunk " + i, vector));
        }
        return chunks;
    }

    private static String partitionOf(String collection) throws SQLException {
        return StoredCollections.find(database, TENANT, collection, CollectionSpec.of(collection, DIMENSION))
                .partition();
    }

    private static long indexOid(String collection) throws SQLException {
        return single("select c.oid::bigint from pg_class c where c.relname = ?", partitionOf(collection) + "_ann");
    }

    private static boolean indexIsValid(String collection) throws SQLException {
        return single(
                        "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                                + " where c.relname = ? and i.indisvalid and i.indisready",
                        partitionOf(collection) + "_ann")
                == 1;
    }

    private static long single(String sql, String parameter) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }
}

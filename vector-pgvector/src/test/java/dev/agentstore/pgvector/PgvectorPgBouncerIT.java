package dev.agentstore.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.LocalPgBouncer;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collections behind a real PgBouncer in transaction pooling mode: a server connection PgBouncer hands from one
 * client to the next keeps every session setting, so a vector index rebuild (which cannot run in a transaction and so
 * sets its memory for the session) must leave nothing behind for the next client of the schema owner's role.
 */
class PgvectorPgBouncerIT {
    private static PostgresDatabase database;
    private static LocalPgBouncer bouncer;

    @BeforeAll
    static void startPgBouncer() {
        database = PostgresDatabase.create(TestServers.postgres());
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        bouncer = LocalPgBouncer.inFrontOf(database);
    }

    @AfterAll
    static void stopPgBouncer() {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @Test
    void should_rebuild_an_index_and_leave_no_session_setting_on_the_pooled_server_connection() throws Exception {
        String defaultMemory = ownerSetting();
        try (AgentStore store = AgentStore.open(bouncer.storeConfig())) {
            VectorRepository vectors =
                    store.forTenant("bouncer-" + UUID.randomUUID()).vectors();
            vectors.createCollection(CollectionSpec.of("docs", 3));
            List<Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                chunks.add(Chunk.of("c" + i, "chunk " + i, new float[] {1, i, 0}));
            }
            vectors.upsert("docs", chunks);

            vectors.rebuildIndex("docs");

            assertThat(vectors.search("docs", SearchRequest.of(new float[] {1, 0, 0}, 3)))
                    .hasSize(3);
        }
        assertThat(bouncer.logins(database.migrationRole()))
                .as("the owner's DDL went through PgBouncer")
                .isGreaterThan(1);
        assertThat(ownerSetting()).isEqualTo(defaultMemory);
    }

    /** {@code maintenance_work_mem} as the next client of the schema owner's role through PgBouncer sees it. */
    private static String ownerSetting() throws Exception {
        String url = bouncer.storeConfig().get("postgres.url");
        try (Connection owner = DriverManager.getConnection(
                        url,
                        database.migrationRole(),
                        database.migrationPassword().reveal());
                Statement statement = owner.createStatement();
                ResultSet row = statement.executeQuery("show maintenance_work_mem")) {
            row.next();
            return row.getString(1);
        }
    }
}

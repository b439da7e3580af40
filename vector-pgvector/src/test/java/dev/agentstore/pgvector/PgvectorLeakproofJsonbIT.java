package dev.agentstore.pgvector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.PostgresServer;
import dev.agentstore.testkit.fixture.TestServers;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Marking {@code jsonb_contains} LEAKPROOF changes row-level security for the whole database, so agentstore does it
 * only when asked: a superuser migrating without {@code pgvector.leakproof-jsonb} leaves it unmarked (the shipped
 * migration's mark is undone), and filtered searches return the same results either way.
 */
class PgvectorLeakproofJsonbIT {
    private final PostgresServer server = TestServers.postgres();

    @Test
    void should_leave_jsonb_contains_unmarked_unless_asked_even_when_a_superuser_migrates() throws SQLException {
        PostgresDatabase database = PostgresDatabase.create(server);
        try (AgentStore store = AgentStore.open(asSuperuserMigrating(database, false))) {
            assertThat(leakproof(database)).isFalse();
            assertThat(filteredSearch(store)).containsExactly("rare-1", "rare-2");
        }
    }

    @Test
    void should_mark_it_when_asked_and_find_the_same_rows() throws SQLException {
        PostgresDatabase database = PostgresDatabase.create(server);
        try (AgentStore store = AgentStore.open(asSuperuserMigrating(database, true))) {
            assertThat(leakproof(database)).isTrue();
            assertThat(filteredSearch(store)).containsExactly("rare-1", "rare-2");
        }
    }

    /** The fixture's roles, but migrated by the server's administrator, as a careless setup would. */
    private StoreConfig asSuperuserMigrating(PostgresDatabase database, boolean leakproof) {
        return database.storeConfig().toBuilder()
                .set("postgres.migration-user", server.username())
                .set("postgres.migration-password", Secret.of(server.password()).reveal())
                .set("pgvector.leakproof-jsonb", Boolean.toString(leakproof))
                .migrateOnOpen(true)
                .build();
    }

    private static List<String> filteredSearch(AgentStore store) {
        VectorRepository vectors = store.forTenant("leakproof").vectors();
        vectors.createCollection(CollectionSpec.of("kb", 2));
        vectors.upsert(
                "kb",
                List.of(
                        Chunk.of("rare-1", "a", new float[] {1, 0}).withMetadata(Map.of("tag", "rare")),
                        Chunk.of("common", "b", new float[] {1, 0.1f}).withMetadata(Map.of("tag", "common")),
                        Chunk.of("rare-2", "c", new float[] {0, 1}).withMetadata(Map.of("tag", "rare"))));
        return vectors
                .search("kb", SearchRequest.of(new float[] {1, 0}, 10).withFilter(Filter.eq("tag", "rare")))
                .stream()
                .map(match -> match.chunk().id())
                .toList();
    }

    private static boolean leakproof(PostgresDatabase database) throws SQLException {
        try (Connection admin = database.adminConnection();
                Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("select proleakproof from pg_proc"
                        + " where oid = 'pg_catalog.jsonb_contains(jsonb, jsonb)'::regprocedure")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}

package dev.agentstore.pgvector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one database stand for two JVMs: one drops and re-creates a collection of the same name, and the
 * other, which had looked it up, must come to search the new one: after the time to live through a background
 * re-read, and at once when its lookup is older than ten times the time to live.
 */
class CollectionCatalogIT {
    private static final long TTL_MILLIS = 200;

    private static AgentStore writer;
    private static AgentStore reader;

    @BeforeAll
    static void open() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        StoreConfig config = database.storeConfig().toBuilder()
                .set("pgvector.collection-cache-ttl", "PT" + TTL_MILLIS / 1000.0 + "S")
                .build();
        writer = AgentStore.open(config.toBuilder().migrateOnOpen(true).build());
        reader = AgentStore.open(config);
    }

    @AfterAll
    static void close() {
        reader.close();
        writer.close();
    }

    @Test
    void should_come_to_search_a_collection_another_store_dropped_and_created_again() throws InterruptedException {
        VectorRepository mine = writer.forTenant("catalog").vectors();
        VectorRepository theirs = reader.forTenant("catalog").vectors();
        recreate(mine, "first");
        assertThat(ids(theirs)).containsExactly("first");

        recreate(mine, "second");
        Thread.sleep(TTL_MILLIS + 50);
        // well before the lookup is too old to use (10 x TTL), so only the background re-read can make it pass
        long deadline = System.nanoTime() + TTL_MILLIS * CollectionCatalog.STALE_FACTOR / 2 * 1_000_000L;
        List<String> seen = ids(theirs); // may still be the old lookup while the re-read runs
        while (!seen.equals(List.of("second")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = ids(theirs);
        }
        assertThat(seen).containsExactly("second");

        Thread.sleep(TTL_MILLIS * CollectionCatalog.STALE_FACTOR + 100);
        recreate(mine, "third");
        assertThat(ids(theirs))
                .as("a lookup too old to use is read again first")
                .containsExactly("third");
    }

    private static void recreate(VectorRepository vectors, String chunk) {
        vectors.dropCollection("docs");
        vectors.createCollection(CollectionSpec.of("docs", 3));
        vectors.upsert("docs", List.of(Chunk.of(chunk, "text", new float[] {1, 0, 0})));
    }

    private static List<String> ids(VectorRepository vectors) {
        return vectors.search("docs", SearchRequest.of(new float[] {1, 0, 0}, 5)).stream()
                .map(SearchMatch::chunk)
                .map(Chunk::id)
                .toList();
    }
}

package dev.agentstore.pgvector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
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
 * Two stores on one database stand for two JVMs: one drops and re-creates a collection of the same name, or drops
 * it, and the other, which had looked it up, must find out once its lookup is older than the time to live, with a
 * search (which keeps using its lookup while it finds rows) as with any other call.
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
    void should_search_the_collection_another_store_created_again_once_the_lookup_is_old() throws Exception {
        VectorRepository mine = writer.forTenant("again").vectors();
        VectorRepository theirs = reader.forTenant("again").vectors();
        recreate(mine, "first", 3);
        assertThat(ids(theirs, 3)).containsExactly("first");
        recreate(mine, "second", 3);
        Thread.sleep(TTL_MILLIS + 50);
        assertThat(ids(theirs, 3)).containsExactly("second");
        assertThat(ids(theirs, 3)).containsExactly("second");
    }

    @Test
    void should_check_the_query_against_the_collection_created_again_with_another_dimension() throws Exception {
        VectorRepository mine = writer.forTenant("wider").vectors();
        VectorRepository theirs = reader.forTenant("wider").vectors();
        recreate(mine, "narrow", 3);
        assertThat(ids(theirs, 3)).containsExactly("narrow");
        recreate(mine, "wide", 4);
        Thread.sleep(TTL_MILLIS + 50);
        assertThat(ids(theirs, 4)).containsExactly("wide");
        assertThatThrownBy(() -> ids(theirs, 3))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("request.vector"));
    }

    @Test
    void should_report_a_collection_another_store_dropped_once_the_lookup_is_old() throws Exception {
        VectorRepository mine = writer.forTenant("gone").vectors();
        VectorRepository theirs = reader.forTenant("gone").vectors();
        recreate(mine, "only", 3);
        assertThat(ids(theirs, 3)).containsExactly("only");
        mine.dropCollection("docs");
        Thread.sleep(TTL_MILLIS + 50);
        assertThatThrownBy(() -> ids(theirs, 3)).isInstanceOf(NotFoundException.class);
    }

    private static void recreate(VectorRepository vectors, String chunk, int dimension) {
        vectors.dropCollection("docs");
        vectors.createCollection(CollectionSpec.of("docs", dimension));
        vectors.upsert("docs", List.of(Chunk.of(chunk, "text", unit(dimension))));
    }

    private static float[] unit(int dimension) {
        float[] vector = new float[dimension];
        vector[0] = 1;
        return vector;
    }

    private static List<String> ids(VectorRepository vectors, int dimension) {
        return vectors.search("docs", SearchRequest.of(unit(dimension), 5)).stream()
                .map(SearchMatch::chunk)
                .map(Chunk::id)
                .toList();
    }
}

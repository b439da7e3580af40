package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Runs an example as a user would and captures what it prints, on each of the two setups the README promises:
 * the in-memory default, and PostgreSQL (with pgvector) plus Redis. The servers come from the test fixtures:
 * those named by {@code AGENTSTORE_POSTGRES_URL} / {@code AGENTSTORE_REDIS_URL} when set, else containers or
 * local processes; each run gets a fresh database.
 */
final class ExampleRuns {
    private ExampleRuns() {}

    /** The in-process all-MiniLM-L6-v2 model the examples embed with, loaded once for all tests. */
    static EmbeddingModel miniLm() {
        return MiniLm.MODEL;
    }

    /** Holds the model, loaded on first use. */
    private static final class MiniLm {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The setups, for {@code @MethodSource("dev.agentstore.examples.ExampleRuns#setups")}. */
    static Stream<Named<Supplier<AgentStore>>> setups() {
        return Stream.of(
                Named.of("in-memory default", AgentStore::inMemory),
                Named.of("PostgreSQL + Redis", ExampleRuns::servers));
    }

    /** Opens a store on {@code setup}, runs {@code example} on it, and returns what it printed. */
    static String output(Supplier<AgentStore> setup, BiConsumer<AgentStore, PrintStream> example) {
        var bytes = new ByteArrayOutputStream();
        try (AgentStore store = setup.get();
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.accept(store, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A store on a fresh database and the test Redis, checked to be serving from both. */
    private static AgentStore servers() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        AgentStore store = AgentStore.open(database.storeConfig().toBuilder()
                .set("redis.url", TestServers.redis().url())
                .migrateOnOpen(true)
                .build());
        assertThat(store.health().components()).containsEntry("postgres", "up").containsEntry("redis", "up");
        return store;
    }
}

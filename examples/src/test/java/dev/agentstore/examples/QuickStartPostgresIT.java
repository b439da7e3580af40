package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The QuickStart with conversations, models and the response cache in PostgreSQL. */
class QuickStartPostgresIT {
    @Test
    void should_tour_every_area_with_postgres_serving_what_it_can() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        var bytes = new ByteArrayOutputStream();
        try (AgentStore store = AgentStore.open(
                        database.storeConfig().toBuilder().migrateOnOpen(true).build());
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(store.health().components()).containsEntry("postgres", "up");
            QuickStart.run(store, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output.lines()).hasSize(8);
        assertThat(output)
                .contains(
                        "conversations: 'Trip to Oslo' holds 4 messages; a 30-token window keeps 2 of them (18 tokens)")
                .contains("search 'skiing' finds \"And where can I go skiing near the city?\"")
                .contains("models: registered llama-3.1-8b-instruct (GGUF, Q4_K_M, 131,072-token context), active=true")
                .contains("response cache: 'Oslo.' served from cache, 2 hits");
    }
}

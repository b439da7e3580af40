package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Spring Boot example as a user would, on the in-memory default (no properties) and on PostgreSQL with
 * pgvector plus Redis, given to the application as {@code --agentstore.*} command-line properties.
 */
class SpringAiAssistantIT {
    static Stream<Named<String[]>> setups() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        Map<String, String> properties =
                new LinkedHashMap<>(database.storeConfig().properties());
        properties.put("redis.url", TestServers.redis().url());
        properties.put("migrate-on-open", "true");
        List<String> servers = new ArrayList<>();
        properties.forEach((key, value) -> servers.add("--agentstore." + key + "=" + value));
        return Stream.of(
                Named.of("in-memory default", new String[0]),
                Named.of("PostgreSQL + Redis", servers.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void should_answer_with_memory_kept_by_agentstore(String[] args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            SpringAiAssistant.run(args, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        List<String> lines = output.lines().toList();
        assertThat(lines.get(lines.indexOf("Q: How do I get from the airport into the city?") + 1))
                .isEqualTo("A: The airport express train leaves Oslo Gardermoen every ten minutes and reaches the"
                        + " central station in about twenty minutes. (0 earlier messages seen)");
        assertThat(lines.get(lines.indexOf("Q: Which train goes down to the fjord?") + 1))
                .contains("Flåm Railway")
                .endsWith("(2 earlier messages seen)");
        assertThat(lines.get(lines.indexOf("Q: When is it dark all day?") + 1))
                .contains("polar night")
                .endsWith("(4 earlier messages seen)");
        assertThat(output)
                .contains("chat memory: AgentstoreChatMemoryRepository, conversations [ada], 6 messages;"
                        + " agentstore conversation spring-ai:ada");
        assertThat(output).containsPattern("health: UP \\{(memory=up|pgvector=up, postgres=up, redis=up)}");
    }
}

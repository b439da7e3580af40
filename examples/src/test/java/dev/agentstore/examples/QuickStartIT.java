package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuickStartIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_tour_every_area(Supplier<AgentStore> setup) {
        String output = ExampleRuns.output(setup, QuickStart::run);

        assertThat(output.lines()).hasSize(8);
        assertThat(output)
                .contains(
                        "conversations: 'Trip to Oslo' holds 4 messages; a 30-token window keeps 2 of them (18 tokens)")
                .contains("search 'skiing' finds \"And where can I go skiing near the city?\"")
                .contains("models: registered llama-3.1-8b-instruct (GGUF, Q4_K_M, 131,072-token context), active=true")
                .contains("metrics: 3 requests, 780 tokens")
                .contains("right password -> SUCCESS, wrong password -> INVALID_CREDENTIALS")
                .contains("verifies=true")
                .contains("best Oslo match for 'skiing' is \"Holmenkollen ski jump and trails\"")
                .contains("response cache: 'Oslo.' served from cache, 2 hits")
                .contains("session cached=true, third request allowed=false")
                .contains("1 online, streaming=true");
    }
}

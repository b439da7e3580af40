package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MemoryAgentIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_remember_the_dog_resume_the_plan_and_assemble_the_context(Supplier<AgentStore> setup) {
        String output = ExampleRuns.output(setup, (store, out) -> MemoryAgent.run(store, ExampleRuns.miniLm(), out));
        List<String> lines = output.lines().toList();

        assertThat(lines)
                .contains(
                        "block human v1: Ann travels with her dog Rex.",
                        "interrupted after [pick dates, book dog-friendly flights]",
                        "resumed from checkpoint step-1 at step 3 of 4",
                        "finished: [pick dates, book dog-friendly flights, find a hotel, write the plan]",
                        "  system: You plan trips. Be brief.",
                        "  block human: Ann travels with her dog Rex.",
                        "  recent USER: Which hotels in Bergen would accept my pet?");
        // the pet question recalls the dog, from another conversation, before anything else
        assertThat(lines.stream().filter(l -> l.startsWith("  recalled: ")).findFirst())
                .contains("  recalled: Hi! My dog Rex comes with me on every trip.");
        assertThat(lines).contains("    then: Noted: Rex travels with you.");
    }
}

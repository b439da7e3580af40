package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChatAgentIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_chat_within_the_budget_with_cache_summary_rate_limit_and_metrics(Supplier<AgentStore> setup) {
        String output = ExampleRuns.output(setup, ChatAgent::run);

        // the repeated question is answered from the response cache, without calling the model
        assertThat(output)
                .contains("user: How long does the train to Bergen take?\n"
                        + "  assistant: Trains from Oslo to Bergen leave about every three hours")
                .contains("  assistant (from cache): Trains from Oslo to Bergen leave about every three hours");
        // once the conversation outgrows the 120-token window, the prompt carries a summary of what fell out
        assertThat(output).contains("with a summary of the earlier turns");
        assertThat(output)
                .contains("summary stored on the conversation: Earlier the user asked: Hi! I land in Oslo on Friday.");
        // six questions a minute: the seventh waits
        assertThat(output).contains("user: Anything else for Sunday?\n  (rate limited: ask again in");
        // regenerating the last answer forks the conversation: the new answer is current, the first stays on branch 0
        assertThat(output)
                .contains(
                        "regenerate: What weather should I pack for?\n  assistant (branch 1): In short: Expect -5 to 0")
                .contains("(the first answer stays on branch 0: Expect -5 to 0 degrees Celsius in January")
                .contains("branches: 2, current: 1");
        // six model calls and one cache hit were recorded as metrics
        assertThat(output).contains("usage: 7 answers, 14% from the cache");
    }
}

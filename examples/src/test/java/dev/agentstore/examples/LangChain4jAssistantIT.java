package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LangChain4jAssistantIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_answer_from_the_guide_call_the_tool_and_keep_the_whole_history(Supplier<AgentStore> setup) {
        String output =
                ExampleRuns.output(setup, (store, out) -> LangChain4jAssistant.run(store, ExampleRuns.miniLm(), out));

        List<String> lines = output.lines().toList();
        assertThat(answerTo(lines, "How do I get from the airport into the city?"))
                .isEqualTo("A: The airport express train leaves Oslo Gardermoen every ten minutes and reaches the"
                        + " central station in about twenty minutes.");
        assertThat(answerTo(lines, "Which train goes down to the fjord?")).contains("Flåm Railway");
        assertThat(answerTo(lines, "Please book me a train from Oslo to Bergen."))
                .isEqualTo("A: Done: seat 42 booked from Oslo to Bergen, reference NSB-1001");
        assertThat(answerTo(lines, "When is it dark all day?")).contains("polar night");
        assertThat(answerTo(lines, "Where can I see whales?")).contains("Humpback whales");
        // 5 questions: 5 user messages, 5 answers, one tool call and its result. Of the newest 6, LangChain4j's window
        // drops the tool result that leads them (its call was evicted), so it keeps 5; agentstore keeps all 12.
        assertThat(output).contains("memory window: 5 messages").contains("history kept by agentstore: 12 messages");
        assertThat(lines).anyMatch(line -> line.matches("  #\\d+ ASSISTANT .* -> calls bookTrain"));
        assertThat(lines).anyMatch(line -> line.matches("  #\\d+ TOOL seat 42 booked from Oslo to Bergen.*"));
    }

    private static String answerTo(List<String> lines, String question) {
        return lines.get(lines.indexOf("Q: " + question) + 1);
    }
}

package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RagIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_answer_each_question_from_the_right_passage(Supplier<AgentStore> setup) {
        String output = ExampleRuns.output(setup, (store, out) -> {
            Rag.run(store, ExampleRuns.miniLm(), out);
            Rag.run(store, ExampleRuns.miniLm(), out); // re-ingesting replaces the chunks instead of adding to them
        });

        assertThat(output).contains("ingested 16 documents (16 ready) as 23 chunks of 384 dimensions");
        assertThat(output.lines().filter(line -> line.startsWith("ingested")))
                .hasSize(2)
                .allMatch(line -> line.equals("ingested 16 documents (16 ready) as 23 chunks of 384 dimensions"));
        List<String> lines = output.lines().toList();
        assertThat(bestAnswer(lines, "How do I get from the airport into the city?"))
                .contains("oslo-transit#2");
        assertThat(bestAnswer(lines, "Where can I go skiing? [city = Oslo]")).contains("oslo-winter-sports#1");
        assertThat(bestAnswer(lines, "Where can I go skiing? [city = Bergen]")).contains("voss-skiing#1");
        assertThat(bestAnswer(lines, "Which train goes down to the fjord?")).contains("bergen-railway#2");
        assertThat(bestAnswer(lines, "When is it dark all day?")).contains("tromso-aurora#2");
        // the only summer passages outside Oslo are these two: the filter leaves nothing else to rank
        assertThat(answers(lines, "What should I do on a summer day? [season = summer, city != Oslo]"))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("lofoten#1"))
                .anySatisfy(line -> assertThat(line).contains("bergen-mountains#1"));
    }

    /** The first passage printed under the question (the best match). */
    private static String bestAnswer(List<String> lines, String question) {
        return answers(lines, question).getFirst();
    }

    /** The passages printed under the first question line starting with {@code question}, best first. */
    private static List<String> answers(List<String> lines, String question) {
        for (int at = 0; at < lines.size(); at++) {
            if (lines.get(at).startsWith("Q: " + question)) {
                List<String> answers = new ArrayList<>();
                for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
                    answers.add(lines.get(i));
                }
                return answers;
            }
        }
        throw new AssertionError("no answer to " + question);
    }
}

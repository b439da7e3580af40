package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetricsReportIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_ingest_a_day_once_and_chart_its_rollup(Supplier<AgentStore> setup) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String output = ExampleRuns.output(setup, (store, out) -> {
            MetricsReport.run(store, out, yesterday);
            MetricsReport.run(store, out, yesterday); // a re-run adds nothing twice
        });

        // 10 quiet hours x 34, 5 shoulder hours x 132, lunch 188, 8 busy hours x 300
        assertThat(output)
                .contains(yesterday + ": 3,588 requests recorded (3,588 new)")
                .contains(yesterday + ": 3,588 requests recorded (0 new)")
                .contains("most used model llama-3.1-8b-instruct; peak CPU")
                .containsPattern("errors [1-3]\\.\\d%; cache hits (9|10|11)\\.\\d%")
                .containsPattern("cost \\d+\\.\\d\\d USD");
        assertThat(output.lines().filter(line -> line.matches("\\d\\d    .*"))).hasSize(48); // 24 hours, twice
        assertThat(output).containsPattern("09    #{40} +300");
        assertThat(output).containsPattern("03    #{5} +34");
        assertThat(output).containsPattern("10:00 handbook  60 points  p50 +\\d+\\.\\d ms  p95 +\\d+\\.\\d ms");
        assertThat(output).containsPattern("10:00 tickets   60 points");
        assertThat(output)
                .contains("support-bot  3 conversations, 6 messages, 156 tokens, 3 active users")
                .contains("sales-bot    2 conversations, 4 messages, 104 tokens, 2 active users");
    }
}

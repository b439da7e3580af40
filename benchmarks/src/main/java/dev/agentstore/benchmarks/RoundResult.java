package dev.agentstore.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The figures of one side in one round of the conversation benchmark. */
record RoundResult(
        double appendOnePerSecond,
        double appendBatchPerSecond,
        double lastP50Millis,
        double lastP99Millis,
        double windowP50Millis,
        double windowP99Millis) {

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "append %.0f/s, batch %.0f/s, last20 p50 %.3f p99 %.3f ms, window p50 %.3f p99 %.3f ms",
                appendOnePerSecond,
                appendBatchPerSecond,
                lastP50Millis,
                lastP99Millis,
                windowP50Millis,
                windowP99Millis);
    }

    /** The Markdown table of medians over rounds, with ratios agentstore / raw JDBC. */
    static String table(List<RoundResult> ours, List<RoundResult> raw, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | raw JDBC | agentstore | ratio | target |\n");
        out.append("| --- | ---: | ---: | ---: | --- |\n");
        row(out, "append, one message per call (msg/s)", ours, raw, RoundResult::appendOnePerSecond, ">= 0.9x");
        row(out, "append, 50 per call (msg/s)", ours, raw, RoundResult::appendBatchPerSecond, ">= 0.9x");
        row(out, "last 20 messages p50 (ms)", ours, raw, RoundResult::lastP50Millis, "<= 1.1x");
        row(out, "last 20 messages p99 (ms)", ours, raw, RoundResult::lastP99Millis, "<= 1.1x");
        row(out, "4,000-token window p50 (ms)", ours, raw, RoundResult::windowP50Millis, "<= 1.1x");
        row(out, "4,000-token window p99 (ms)", ours, raw, RoundResult::windowP99Millis, "<= 1.1x");
        out.append("\nMedians of ").append(rounds).append(" rounds.\n");
        return out.toString();
    }

    private static void row(
            StringBuilder out,
            String name,
            List<RoundResult> ours,
            List<RoundResult> raw,
            ToDoubleFunction<RoundResult> metric,
            String target) {
        double theirs = Samples.median(raw.stream().mapToDouble(metric).toArray());
        double mine = Samples.median(ours.stream().mapToDouble(metric).toArray());
        out.append(String.format(
                Locale.ROOT, "| %s | %.3f | %.3f | %.2fx | %s |%n", name, theirs, mine, mine / theirs, target));
    }
}

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

    /**
     * The Markdown table of medians over rounds, with agentstore's ratio to raw JDBC as the table owner and to
     * raw JDBC under the same row-level security: the ratio of the medians, and the median of each round's own
     * ratio. The sides take turns call by call within a round, so a round's ratio compares figures taken under
     * the same conditions, while the ratio of medians may pair one side's round with another round of the other.
     */
    static String table(List<RoundResult> ours, List<RoundResult> owner, List<RoundResult> secured, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | raw JDBC, owner | raw JDBC, RLS | agentstore | ratio to owner | ratio to RLS"
                + " | per-round ratio to owner | per-round ratio to RLS | target |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        Table table = new Table(out, ours, owner, secured);
        table.row("append, one message per call (msg/s)", RoundResult::appendOnePerSecond, ">= 0.9x");
        table.row("append, 50 per call (msg/s)", RoundResult::appendBatchPerSecond, ">= 0.9x");
        table.row("last 20 messages p50 (ms)", RoundResult::lastP50Millis, "<= 1.1x");
        table.row("last 20 messages p99 (ms)", RoundResult::lastP99Millis, "<= 1.1x");
        table.row("4,000-token window p50 (ms)", RoundResult::windowP50Millis, "<= 1.1x");
        table.row("4,000-token window p99 (ms)", RoundResult::windowP99Millis, "<= 1.1x");
        out.append("\nMedians of ").append(rounds).append(" rounds.\n");
        return out.toString();
    }

    /**
     * The Markdown table of medians over rounds for agentstore beside a framework's store, with how many times
     * faster agentstore is (throughput over throughput, latency over latency, both ways above 1 when agentstore
     * leads), by the ratio of medians and by the median of each round's ratio.
     */
    static String peerTable(String peerName, List<RoundResult> ours, List<RoundResult> peer, int rounds) {
        StringBuilder out = new StringBuilder();
        out.append("| operation | ")
                .append(peerName)
                .append(" | agentstore | agentstore faster by | per round |\n| --- | ---: | ---: | ---: | ---: |\n");
        peerRow(out, "append, one message per call (msg/s)", ours, peer, RoundResult::appendOnePerSecond, true);
        peerRow(out, "append, 50 per call (msg/s)", ours, peer, RoundResult::appendBatchPerSecond, true);
        peerRow(out, "last 20 messages p50 (ms)", ours, peer, RoundResult::lastP50Millis, false);
        peerRow(out, "last 20 messages p99 (ms)", ours, peer, RoundResult::lastP99Millis, false);
        peerRow(out, "4,000-token window p50 (ms)", ours, peer, RoundResult::windowP50Millis, false);
        peerRow(out, "4,000-token window p99 (ms)", ours, peer, RoundResult::windowP99Millis, false);
        out.append("\nMedians of ").append(rounds).append(" rounds.\n");
        return out.toString();
    }

    private static void peerRow(
            StringBuilder out,
            String name,
            List<RoundResult> ours,
            List<RoundResult> peer,
            ToDoubleFunction<RoundResult> metric,
            boolean higherIsBetter) {
        double mine = Table.median(ours, metric);
        double theirs = Table.median(peer, metric);
        double[] perRound = new double[ours.size()];
        for (int round = 0; round < perRound.length; round++) {
            double a = metric.applyAsDouble(ours.get(round));
            double b = metric.applyAsDouble(peer.get(round));
            perRound[round] = higherIsBetter ? a / b : b / a;
        }
        out.append(String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %.2fx | %.2fx |%n",
                name,
                theirs,
                mine,
                higherIsBetter ? mine / theirs : theirs / mine,
                Samples.median(perRound)));
    }

    /** Writes rows of medians. */
    private record Table(
            StringBuilder out, List<RoundResult> ours, List<RoundResult> owner, List<RoundResult> secured) {

        void row(String name, ToDoubleFunction<RoundResult> metric, String target) {
            double mine = median(ours, metric);
            double owners = median(owner, metric);
            double rls = median(secured, metric);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.2fx | %.2fx | %.2fx | %.2fx | %s |%n",
                    name,
                    owners,
                    rls,
                    mine,
                    mine / owners,
                    mine / rls,
                    medianRatio(owner, metric),
                    medianRatio(secured, metric),
                    target));
        }

        /** The median over rounds of agentstore's figure divided by {@code baseline}'s in the same round. */
        private double medianRatio(List<RoundResult> baseline, ToDoubleFunction<RoundResult> metric) {
            double[] ratios = new double[ours.size()];
            for (int round = 0; round < ratios.length; round++) {
                ratios[round] = metric.applyAsDouble(ours.get(round)) / metric.applyAsDouble(baseline.get(round));
            }
            return Samples.median(ratios);
        }

        private static double median(List<RoundResult> results, ToDoubleFunction<RoundResult> metric) {
            return Samples.median(results.stream().mapToDouble(metric).toArray());
        }
    }
}

package dev.agentstore.benchmarks;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A profile's sides, one step each, timed in rounds and printed as a Markdown table of medians over rounds with the
 * median of each round's own ratio to the baseline side.
 *
 * <p>The sides take turns in blocks of {@value #BLOCK} calls, the first side of each block rotating, so machine
 * drift reaches every side alike. Blocks rather than single calls: sides that read different tables (a plain copy
 * and agentstore's) evict each other's pages from the CPU caches, and with call-by-call turns a side that always
 * follows a side on the other table pays for that on every call (measured: up to 0.4 ms of a 2 ms vector search,
 * VectorSearchProfile, 2026-12-03); in a block only the first calls pay.
 *
 * @param <I> what one call takes (a conversation id, a query vector)
 */
final class ProfileTable<I> {
    /** Calls per side before the next side's turn. */
    static final int BLOCK = 50;

    /** One side: a name and the call it times. */
    record Side<I>(String name, Call<I> call) {}

    /** One timed call. */
    @FunctionalInterface
    interface Call<I> {
        void run(I input) throws SQLException;
    }

    private final List<String> names = new ArrayList<>();
    private final List<double[]> p50 = new ArrayList<>();
    private final List<double[]> p99 = new ArrayList<>();
    private final int rounds;

    ProfileTable(int rounds) {
        this.rounds = rounds;
    }

    /**
     * Times {@code sides} over {@code inputs} and, unless {@code round} is negative (a warm-up), records the round's
     * percentiles. The sides must come in the same order every round.
     */
    void round(int round, List<Side<I>> sides, List<I> inputs) {
        List<Samples> samples = new ArrayList<>();
        for (int s = 0; s < sides.size(); s++) {
            samples.add(new Samples());
            if (names.size() <= s) {
                names.add(sides.get(s).name());
                p50.add(new double[rounds]);
                p99.add(new double[rounds]);
            }
        }
        for (int block = 0; block * BLOCK < inputs.size(); block++) {
            List<I> blockInputs = inputs.subList(block * BLOCK, Math.min(inputs.size(), (block + 1) * BLOCK));
            for (int k = 0; k < sides.size(); k++) {
                int s = (block + k) % sides.size();
                Call<I> call = sides.get(s).call();
                for (I input : blockInputs) {
                    samples.get(s).time(() -> {
                        try {
                            call.run(input);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        if (round >= 0) {
            for (int s = 0; s < sides.size(); s++) {
                p50.get(s)[round] = samples.get(s).percentileMillis(0.5);
                p99.get(s)[round] = samples.get(s).percentileMillis(0.99);
            }
        }
    }

    /** Prints the table, with ratios to the side at {@code baseline}, named {@code baselineName} in the header. */
    void print(int baseline, String baselineName) {
        System.out.println("| side | p50 (ms) | p99 (ms) | p50 vs " + baselineName + " | per-round p50 ratio |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        double base = Samples.median(p50.get(baseline));
        for (int s = 0; s < names.size(); s++) {
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = p50.get(s)[round] / p50.get(baseline)[round];
            }
            double median = Samples.median(p50.get(s));
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.2fx | %.2fx |%n",
                    names.get(s),
                    median,
                    Samples.median(p99.get(s)),
                    median / base,
                    Samples.median(ratios));
        }
    }
}

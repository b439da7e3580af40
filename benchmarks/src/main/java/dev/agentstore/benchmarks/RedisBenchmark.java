package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.state.RateLimit;
import dev.agentstore.testkit.fixture.RedisServer;
import dev.agentstore.testkit.fixture.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.RedisClient;

/**
 * Issue 6's benchmark: session reads, session touches and rate-limit checks through agentstore against the same
 * commands through raw Jedis on the same Redis server, with 1 and 8 calling threads, the two sides taking turns
 * round by round; then {@code redis-benchmark} for the same commands as the server's own ceiling. Prints a
 * Markdown table of medians.
 */
public final class RedisBenchmark {
    static final RateLimit LIMIT = RateLimit.of(1_000, Duration.ofMinutes(1));
    private static final int SESSIONS = 1_000;
    private static final int RATE_KEYS = 1_000;
    private static final int CALLS_PER_THREAD = 10_000;
    private static final int[] THREADS = {1, 8};
    private static final Map<String, String> ATTRIBUTES =
            Map.of("user", "u-42", "channel", "web", "step", "3", "locale", "en-GB");
    private static final List<String> OPERATIONS = List.of("session get", "session touch", "rate-limit check");

    private RedisBenchmark() {}

    /** Runs {@code args[0]} rounds (default 3) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        RedisServer server = TestServers.redis();
        // [threads][operation][round]
        double[][][] ours = new double[THREADS.length][OPERATIONS.size()][rounds];
        double[][][] raw = new double[THREADS.length][OPERATIONS.size()][rounds];
        try (AgentStore root = AgentStore.open(server.storeConfig());
                RedisClient client = RedisClient.builder()
                        .hostAndPort(server.host(), server.port())
                        .build()) {
            AgentStore store = root.forTenant("bench");
            AgentstoreState agentstore = new AgentstoreState(store, SESSIONS, RATE_KEYS);
            RawRedisState jedis = new RawRedisState(client, SESSIONS, RATE_KEYS);
            agentstore.putSessions(ATTRIBUTES);
            jedis.putSessions(ATTRIBUTES);
            for (int op = 0; op < OPERATIONS.size(); op++) { // warm up the JIT on both sides; not recorded
                callsPerSecond(agentstore, operation(op), THREADS[THREADS.length - 1]);
                callsPerSecond(jedis, operation(op), THREADS[THREADS.length - 1]);
            }
            for (int round = 0; round < rounds; round++) {
                for (int t = 0; t < THREADS.length; t++) {
                    for (int op = 0; op < OPERATIONS.size(); op++) {
                        BiConsumer<FastStateSide, Integer> call = operation(op);
                        for (int turn = 0; turn < 2; turn++) {
                            boolean oursFirst = (round + op) % 2 == 0;
                            if ((turn == 0) == oursFirst) {
                                ours[t][op][round] = callsPerSecond(agentstore, call, THREADS[t]);
                            } else {
                                raw[t][op][round] = callsPerSecond(jedis, call, THREADS[t]);
                            }
                        }
                    }
                }
                System.err.printf(Locale.ROOT, "round %d done%n", round + 1);
            }
            System.out.println(table(ours, raw, rounds, redisBenchmark(server, jedis)));
        }
    }

    private static BiConsumer<FastStateSide, Integer> operation(int op) {
        return switch (op) {
            case 0 -> FastStateSide::getSession;
            case 1 -> FastStateSide::touchSession;
            default -> FastStateSide::acquire;
        };
    }

    private static double callsPerSecond(FastStateSide side, BiConsumer<FastStateSide, Integer> call, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * CALLS_PER_THREAD;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        call.accept(side, offset + i);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return (double) threads * CALLS_PER_THREAD / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** redis-benchmark's requests per second for HGETALL and the rate-limit EVALSHA, 8 connections. */
    private static double[] redisBenchmark(RedisServer server, RawRedisState jedis) throws Exception {
        String window = Long.toString(LIMIT.window().toMillis());
        String permits = Integer.toString(LIMIT.permits());
        return new double[] {
            redisBenchmark(server, "HGETALL", jedis.sessionKey(0)),
            redisBenchmark(
                    server,
                    "EVALSHA",
                    jedis.rateScriptSha(),
                    "1",
                    "raw:{bench|rate|rb}",
                    Long.toString(System.currentTimeMillis()),
                    window,
                    permits,
                    "__rand_int__")
        };
    }

    private static double redisBenchmark(RedisServer server, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(
                "redis-benchmark",
                "-h",
                server.host(),
                "-p",
                Integer.toString(server.port()),
                "-c",
                "8",
                "-n",
                "200000",
                "-r",
                "1000000",
                "-q"));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Matcher rate = Pattern.compile("([0-9.]+) requests per second").matcher(output);
        return rate.find() ? Double.parseDouble(rate.group(1)) : Double.NaN;
    }

    private static String table(double[][][] ours, double[][][] raw, int rounds, double[] ceiling) {
        StringBuilder out = new StringBuilder(
                "| operation | threads | raw Jedis (calls/s) | agentstore (calls/s) | ratio | target |\n"
                        + "| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (int op = 0; op < OPERATIONS.size(); op++) {
            for (int t = 0; t < THREADS.length; t++) {
                double mine = Samples.median(ours[t][op]);
                double theirs = Samples.median(raw[t][op]);
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.0f | %.0f | %.2fx | >= 0.8x |%n",
                        OPERATIONS.get(op),
                        THREADS[t],
                        theirs,
                        mine,
                        mine / theirs));
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "%nredis-benchmark, 8 connections: HGETALL %.0f requests/s, rate-limit EVALSHA %.0f requests/s.%n",
                ceiling[0],
                ceiling[1]));
        return out.append("Medians of ").append(rounds).append(" rounds.\n").toString();
    }
}

package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Issue 25's overhead target: the conversation append and last-20 read through a store with a Prometheus meter
 * registry (every call timed, HikariCP's meters bound) against the same calls through a store without one, both on
 * the same PostgreSQL, each store in its own tenant with its own pool, calls taking turns in alternating order.
 * Prints a Markdown table of medians over rounds of each side's p50 and p99.
 *
 * <p>Arguments: rounds (default 5).
 */
public final class MeterOverheadBenchmark {
    private static final int CONVERSATIONS = 200;
    private static final int MESSAGES = 40;
    private static final int CALLS = 4_000;

    private MeterOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Seeded through a store of its own and analysed before the measured stores open: connections that prepared
        // their statements against empty tables keep the generic plans chosen then, which made whichever side
        // seeded first 4x slower to append (recorded in benchmarks/README).
        List<UUID> plainIds;
        List<UUID> meteredIds;
        try (AgentStore loader = AgentStore.open(BenchmarkConfig.of(database))) {
            plainIds = seed(loader.forTenant("plain").conversations());
            meteredIds = seed(loader.forTenant("metered").conversations());
        }
        database.executeAsAdmin("analyze");
        try (AgentStore metered = AgentStore.builder(BenchmarkConfig.of(database))
                        .meterRegistry(registry)
                        .open();
                AgentStore plain = AgentStore.open(BenchmarkConfig.of(database))) {
            ConversationRepository plainChats = plain.forTenant("plain").conversations();
            ConversationRepository meteredChats = metered.forTenant("metered").conversations();
            double[][] results = new double[8][rounds];
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                Samples[] samples = {new Samples(), new Samples(), new Samples(), new Samples()};
                for (int i = 0; i < CALLS; i++) {
                    int chat = i % CONVERSATIONS;
                    Runnable[] calls = {
                        () -> plainChats.append(plainIds.get(chat), NewMessage.user("one more question", 4)),
                        () -> plainChats.lastMessages(plainIds.get(chat), 20),
                        () -> meteredChats.append(meteredIds.get(chat), NewMessage.user("one more question", 4)),
                        () -> meteredChats.lastMessages(meteredIds.get(chat), 20)
                    };
                    int first = i % 2 == 0 ? 0 : 2; // alternate which side goes first
                    for (int side : new int[] {first, 2 - first}) {
                        samples[side].time(calls[side]);
                        samples[side + 1].time(calls[side + 1]);
                    }
                }
                if (round >= 0) {
                    for (int s = 0; s < 4; s++) {
                        results[2 * s][round] = samples[s].percentileMillis(0.50);
                        results[2 * s + 1][round] = samples[s].percentileMillis(0.99);
                    }
                }
            }
            System.out.println("| call | without registry p50 / p99 ms | with Prometheus registry p50 / p99 ms"
                    + " | ratio p50 / p99 |");
            System.out.println("| --- | ---: | ---: | ---: |");
            String[] names = {"append one message", "last 20 messages"};
            for (int call = 0; call < 2; call++) {
                double plainP50 = Samples.median(results[2 * call]);
                double plainP99 = Samples.median(results[2 * call + 1]);
                double meteredP50 = Samples.median(results[4 + 2 * call]);
                double meteredP99 = Samples.median(results[4 + 2 * call + 1]);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.3f / %.3f | %.3f / %.3f | %.2fx / %.2fx |%n",
                        names[call],
                        plainP50,
                        plainP99,
                        meteredP50,
                        meteredP99,
                        meteredP50 / plainP50,
                        meteredP99 / plainP99);
            }
            System.out.printf(
                    Locale.ROOT,
                    "series in the registry: %d%n",
                    registry.getMeters().size());
        }
    }

    private static List<UUID> seed(ConversationRepository chats) {
        List<UUID> ids = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            Conversation chat = chats.createConversation(NewConversation.forUser(
                    chats.upsertUser(NewUser.of("web", "user-" + c)).id()));
            for (int m = 0; m < MESSAGES; m++) {
                chats.append(chat.id(), NewMessage.user("message " + m, 2));
            }
            ids.add(chat.id());
        }
        return ids;
    }
}

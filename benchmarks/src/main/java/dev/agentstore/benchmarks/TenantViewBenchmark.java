package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Issue 22's tenant-view benchmark, on PostgreSQL: what a request handler pays when it scopes a fresh view to the
 * request's tenant for every call, {@code store.forTenant(t).conversations().lastMessages(c, 20)}, against the same
 * read through a view kept across calls; and the view alone ({@code forTenant(t).conversations()}, no query) in
 * nanoseconds. 50 tenants with 20 conversations of 40 messages each; calls take turns between the sides in rotating
 * order. Prints a Markdown table of medians over rounds.
 */
public final class TenantViewBenchmark {
    private static final int TENANTS = 50;
    private static final int CONVERSATIONS = 20;
    private static final int MESSAGES = 40;
    private static final int CALLS = 4_000;
    private static final int VIEWS = 200_000;

    private TenantViewBenchmark() {}

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database))) {
            List<String> tenants = new ArrayList<>();
            List<List<UUID>> chats = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                String tenant = "tenant-" + t;
                tenants.add(tenant);
                chats.add(seed(store.forTenant(tenant).conversations()));
            }
            List<ConversationRepository> kept = tenants.stream()
                    .map(t -> store.forTenant(t).conversations())
                    .toList();
            double[] fresh = new double[rounds];
            double[] held = new double[rounds];
            double[] viewNanos = new double[rounds];
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                Samples freshSamples = new Samples();
                Samples heldSamples = new Samples();
                for (int i = 0; i < CALLS; i++) {
                    int t = i % TENANTS;
                    UUID chat = chats.get(t).get((i / TENANTS) % CONVERSATIONS);
                    String tenant = tenants.get(t);
                    Runnable viaFresh =
                            () -> store.forTenant(tenant).conversations().lastMessages(chat, 20);
                    Runnable viaHeld = () -> kept.get(t).lastMessages(chat, 20);
                    if (i % 2 == 0) {
                        freshSamples.time(viaFresh);
                        heldSamples.time(viaHeld);
                    } else {
                        heldSamples.time(viaHeld);
                        freshSamples.time(viaFresh);
                    }
                }
                long start = System.nanoTime();
                int sink = 0;
                for (int i = 0; i < VIEWS; i++) {
                    sink += System.identityHashCode(
                            store.forTenant(tenants.get(i % TENANTS)).conversations());
                }
                double nanosPerView = (System.nanoTime() - start) / (double) VIEWS;
                if (sink == 42) {
                    System.out.print("");
                }
                if (round >= 0) {
                    fresh[round] = freshSamples.percentileMillis(0.5);
                    held[round] = heldSamples.percentileMillis(0.5);
                    viewNanos[round] = nanosPerView;
                }
            }
            double freshP50 = Samples.median(fresh);
            double heldP50 = Samples.median(held);
            System.out.println("| path | p50 | vs kept view |");
            System.out.println("| --- | --- | --- |");
            System.out.printf(
                    Locale.ROOT, "| lastMessages(20) through a view kept across calls | %.3f ms | 1.00x |%n", heldP50);
            System.out.printf(
                    Locale.ROOT,
                    "| forTenant(t).conversations().lastMessages(20), a fresh view per call | %.3f ms | %.2fx |%n",
                    freshP50,
                    freshP50 / heldP50);
            System.out.printf(
                    Locale.ROOT,
                    "| forTenant(t).conversations() alone (no query) | %.0f ns | - |%n",
                    Samples.median(viewNanos));
        }
    }

    private static List<UUID> seed(ConversationRepository conversations) {
        UUID user = conversations.upsertUser(NewUser.of("web", "u")).id();
        List<UUID> ids = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            Conversation chat = conversations.createConversation(NewConversation.forUser(user));
            List<NewMessage> messages = new ArrayList<>();
            for (int m = 0; m < MESSAGES; m++) {
                messages.add(
                        m % 2 == 0
                                ? NewMessage.user("question " + m + " " + "x".repeat(200), 50)
                                : NewMessage.assistant("answer " + m + " " + "y".repeat(200), 50));
            }
            conversations.appendAll(chat.id(), messages);
            ids.add(chat.id());
        }
        return ids;
    }
}

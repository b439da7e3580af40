package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.ImportedUser;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Importing existing history (issue 24): the same 940 conversations x 50 messages of 300 characters, with their users,
 * imported per round by each side into a fresh tenant or table, interleaved side by side: agentstore's {@code
 * importHistory} in calls of 94 conversations (through the public API, runtime role under row-level security), and
 * the same with the ingest role configured (COPY straight into the tables as that role); raw
 * binary COPY of the same rows straight into {@code users}, {@code conversations} and {@code messages} as the table
 * owner (no row-level security, no idempotency, no checks: the fastest these tables can be filled); agentstore's
 * {@code appendAll} per conversation (what importing cost before); and Spring AI's {@code JdbcChatMemoryRepository},
 * {@code saveAll} per conversation. Messages per second, medians of rounds.
 */
public final class ImportBenchmark {
    private static final int CONVERSATIONS = 940;
    private static final int MESSAGES = 50;
    private static final int PER_CALL = 94;
    private static final String TEXT = "x".repeat(300);

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (Connection owner = database.adminConnection();
                Statement ddl = owner.createStatement()) {
            ddl.execute(ChatMemoryBenchmark.jdbcSchema());
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                AgentStore ingesting = AgentStore.open(BenchmarkConfig.withIngestRole(database))) {
            for (int round = 0; round <= rounds; round++) { // round 0 warms up
                Instant start = Instant.parse("2025-01-01T00:00:00Z");
                record(
                        rates,
                        round,
                        "agentstore importHistory",
                        () -> imported(
                                store.forTenant("import-" + UUID.randomUUID()).conversations(), start));
                record(
                        rates,
                        round,
                        "agentstore importHistory, ingest role",
                        () -> imported(
                                ingesting
                                        .forTenant("ingest-" + UUID.randomUUID())
                                        .conversations(),
                                start));
                record(rates, round, "raw binary COPY (owner)", () -> rawCopy(database, start));
                record(
                        rates,
                        round,
                        "agentstore appendAll per conversation",
                        () -> appended(
                                store.forTenant("append-" + UUID.randomUUID()).conversations()));
                record(rates, round, "Spring AI JdbcChatMemoryRepository saveAll", () -> springAi(database));
            }
        }
        System.out.println("| side | messages/s (median of " + rounds + " rounds) |");
        System.out.println("| --- | ---: |");
        rates.forEach((side, values) -> System.out.printf(
                "| %s | %.0f |%n",
                side,
                Samples.median(values.stream().mapToDouble(Double::doubleValue).toArray())));
    }

    private interface Load {
        void run() throws Exception;
    }

    private static void record(Map<String, List<Double>> rates, int round, String side, Load load) throws Exception {
        long begin = System.nanoTime();
        load.run();
        double seconds = (System.nanoTime() - begin) / 1e9;
        double rate = CONVERSATIONS * MESSAGES / seconds;
        System.out.printf("round %d %s: %.0f msg/s%n", round, side, rate);
        if (round > 0) {
            rates.computeIfAbsent(side, s -> new ArrayList<>()).add(rate);
        }
    }

    private static void imported(ConversationRepository conversations, Instant start) {
        for (int first = 0; first < CONVERSATIONS; first += PER_CALL) {
            List<ImportedUser> users = new ArrayList<>();
            List<ImportedConversation> chats = new ArrayList<>();
            for (int i = 0; i < PER_CALL; i++) {
                ImportedUser user = ImportedUser.of(
                        UUID.randomUUID(), "legacy", UUID.randomUUID().toString(), start);
                users.add(user);
                List<ImportedMessage> messages = new ArrayList<>(MESSAGES);
                for (int m = 0; m < MESSAGES; m++) {
                    messages.add(ImportedMessage.of(
                            UUID.randomUUID(), start.plus(Duration.ofSeconds(m)), NewMessage.user(TEXT, 100)));
                }
                chats.add(ImportedConversation.of(UUID.randomUUID(), user.id(), start, messages));
            }
            conversations.importHistory(HistoryImport.of(users, chats));
        }
    }

    private static void rawCopy(PostgresDatabase database, Instant start) throws Exception {
        String tenant = "raw-" + UUID.randomUUID();
        List<UUID> users = new ArrayList<>();
        List<UUID> chats = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            users.add(UUID.randomUUID());
            chats.add(UUID.randomUUID());
        }
        new OwnerHistoryCopy("legacy", MESSAGES, List.of("USER"), (c, m) -> TEXT, 100, UUID::randomUUID)
                .copy(database, tenant, users, chats, start);
    }

    private static void appended(ConversationRepository conversations) {
        List<NewMessage> messages = new ArrayList<>(MESSAGES);
        for (int m = 0; m < MESSAGES; m++) {
            messages.add(NewMessage.user(TEXT, 100));
        }
        AgentstoreConversations side = new AgentstoreConversations(conversations);
        for (UUID chat : side.createConversations(CONVERSATIONS)) {
            conversations.appendAll(chat, messages);
        }
    }

    private static void springAi(PostgresDatabase database) throws Exception {
        List<String> contents = new ArrayList<>(MESSAGES);
        for (int m = 0; m < MESSAGES; m++) {
            contents.add(TEXT);
        }
        try (Connection owner = database.adminConnection()) {
            SpringAiJdbcConversations side = new SpringAiJdbcConversations(owner, 100);
            for (UUID chat : side.createConversations(CONVERSATIONS)) {
                side.appendBatch(chat, contents, 100);
            }
        }
    }
}

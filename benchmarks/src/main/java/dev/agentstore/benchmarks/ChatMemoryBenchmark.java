package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.langchain4j.AgentstoreChatMemoryStore;
import dev.agentstore.springai.AgentstoreChatMemoryRepository;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 21's chat-memory benchmark: conversations of 10 turns through a 10-message window memory (so half of the
 * turns evict), each turn a user message added, the memory read for the prompt, and the answer added; 300-character
 * messages. The sides, taking turns conversation by conversation in rotating order:
 *
 * <ul>
 *   <li>agentstore by hand: each add reads the window and appends with the window moved ({@code memory} +
 *       {@code appendToMemory}), the prompt read is one {@code memory}: what any window memory must do;
 *   <li>LangChain4j's {@code MessageWindowChatMemory} over {@link AgentstoreChatMemoryStore};
 *   <li>Spring AI's {@code MessageWindowChatMemory} over {@link AgentstoreChatMemoryRepository};
 *   <li>Spring AI's {@code MessageWindowChatMemory} over its own {@code JdbcChatMemoryRepository} (PostgreSQL dialect,
 *       one connection as the table owner), which rewrites the conversation on every add.
 * </ul>
 *
 * Prints a Markdown table of medians over rounds.
 */
public final class ChatMemoryBenchmark {
    private static final int CONVERSATIONS = 200;
    private static final int TURNS = 10;
    private static final int WINDOW = 10;
    private static final String TEXT = "x".repeat(290) + " turn %d %s";

    private ChatMemoryBenchmark() {}

    /** One way to keep a window memory: runs one turn of a conversation. */
    private interface Side {
        void turn(String conversation, int turn);
    }

    /** Runs {@code args[0]} rounds (default 5) and prints the table. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        try (AgentStore store = AgentStore.open(BenchmarkConfig.of(database));
                Connection owner = database.adminConnection()) {
            try (Statement ddl = owner.createStatement()) {
                ddl.execute(jdbcSchema());
            }
            ConversationRepository conversations = store.forTenant("bench").conversations();
            Map<String, Side> sides = new java.util.LinkedHashMap<>();
            sides.put("agentstore by hand (read + append)", byHand(conversations));
            sides.put("LangChain4j MessageWindowChatMemory on agentstore", langChain4j(conversations));
            sides.put(
                    "Spring AI MessageWindowChatMemory on agentstore",
                    springAi(AgentstoreChatMemoryRepository.builder(conversations)
                            .build()));
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(owner, true));
            sides.put(
                    "Spring AI MessageWindowChatMemory on JdbcChatMemoryRepository",
                    springAi(JdbcChatMemoryRepository.builder()
                            .jdbcTemplate(jdbc)
                            .dialect(new PostgresChatMemoryRepositoryDialect())
                            .build()));
            run(sides, "warmup", 50);
            List<double[]> results = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                results.add(run(sides, "r" + round, CONVERSATIONS));
                System.err.printf(Locale.ROOT, "round %d: %s%n", round, java.util.Arrays.toString(results.getLast()));
            }
            print(new ArrayList<>(sides.keySet()), results, rounds);
        }
    }

    /** One round: every conversation of every side, sides in rotating order; per side p50, p99 (ms) and turns/s. */
    private static double[] run(Map<String, Side> sides, String round, int conversations) {
        List<Side> order = new ArrayList<>(sides.values());
        List<Samples> samples = new ArrayList<>();
        order.forEach(side -> samples.add(new Samples()));
        for (int c = 0; c < conversations; c++) {
            String conversation = round + "-" + c;
            for (int turn = 0; turn < TURNS; turn++) {
                for (int k = 0; k < order.size(); k++) {
                    int s = (k + c + turn) % order.size();
                    int t = turn;
                    samples.get(s).time(() -> order.get(s).turn(conversation, t));
                }
            }
        }
        double[] figures = new double[order.size() * 3];
        for (int s = 0; s < order.size(); s++) {
            figures[3 * s] = samples.get(s).percentileMillis(0.5);
            figures[3 * s + 1] = samples.get(s).percentileMillis(0.99);
            figures[3 * s + 2] = samples.get(s).callsPerSecond();
        }
        return figures;
    }

    private static Side byHand(ConversationRepository conversations) {
        UUID owner = conversations.upsertUser(NewUser.of("bench", "by-hand")).id();
        Map<String, UUID> ids = new HashMap<>();
        return (conversation, turn) -> {
            UUID id = ids.computeIfAbsent(
                    conversation,
                    key -> conversations
                            .findOrCreateConversation(
                                    NewConversation.forUser(owner).withKey("hand:" + key))
                            .id());
            add(conversations, id, NewMessage.user(TEXT.formatted(turn, "question"), 100));
            conversations.memory(id);
            add(conversations, id, NewMessage.assistant(TEXT.formatted(turn, "answer"), 100));
        };
    }

    /** Reads the window and appends one message, keeping the newest {@link #WINDOW}. */
    private static void add(ConversationRepository conversations, UUID id, NewMessage message) {
        List<Message> window = conversations.memory(id);
        long start = window.size() < WINDOW
                ? (window.isEmpty() ? 1 : window.getFirst().sequence())
                : window.get(window.size() + 1 - WINDOW).sequence();
        conversations.appendToMemory(id, List.of(message), MemoryWindow.from(start));
    }

    private static Side langChain4j(ConversationRepository conversations) {
        AgentstoreChatMemoryStore store =
                AgentstoreChatMemoryStore.builder(conversations).build();
        Map<String, MessageWindowChatMemory> memories = new HashMap<>();
        return (conversation, turn) -> {
            MessageWindowChatMemory memory = memories.computeIfAbsent(
                    conversation,
                    id -> MessageWindowChatMemory.builder()
                            .id(id)
                            .maxMessages(WINDOW)
                            .chatMemoryStore(store)
                            .build());
            memory.add(UserMessage.from(TEXT.formatted(turn, "question")));
            memory.messages();
            memory.add(AiMessage.from(TEXT.formatted(turn, "answer")));
        };
    }

    private static Side springAi(ChatMemoryRepository repository) {
        ChatMemory memory = org.springframework.ai.chat.memory.MessageWindowChatMemory.builder()
                .chatMemoryRepository(repository)
                .maxMessages(WINDOW)
                .build();
        return (conversation, turn) -> {
            memory.add(
                    conversation,
                    new org.springframework.ai.chat.messages.UserMessage(TEXT.formatted(turn, "question")));
            memory.get(conversation);
            memory.add(conversation, new AssistantMessage(TEXT.formatted(turn, "answer")));
        };
    }

    /** Spring AI's PostgreSQL schema for its JDBC chat memory (from its jar). */
    static String jdbcSchema() throws java.io.IOException {
        try (var in = JdbcChatMemoryRepository.class.getResourceAsStream("schema-postgresql.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void print(List<String> names, List<double[]> results, int rounds) {
        StringBuilder table = new StringBuilder(
                "| side | turn p50 (ms) | turn p99 (ms) | turns/s | p50 vs by hand | turns/s vs by hand | target |\n"
                        + "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        double[] medians = new double[results.getFirst().length];
        for (int i = 0; i < medians.length; i++) {
            int index = i;
            medians[i] =
                    Samples.median(results.stream().mapToDouble(r -> r[index]).toArray());
        }
        for (int s = 0; s < names.size(); s++) {
            String target = s == 1 ? "<= 1.1x" : "";
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.1f | %.2fx | %.2fx | %s |%n",
                    names.get(s),
                    medians[3 * s],
                    medians[3 * s + 1],
                    medians[3 * s + 2],
                    medians[3 * s] / medians[0],
                    medians[3 * s + 2] / medians[2],
                    target));
        }
        System.out.println(table.append("\nMedians of ")
                .append(rounds)
                .append(" rounds of ")
                .append(CONVERSATIONS)
                .append(" conversations x ")
                .append(TURNS)
                .append(" turns.\n"));
    }
}

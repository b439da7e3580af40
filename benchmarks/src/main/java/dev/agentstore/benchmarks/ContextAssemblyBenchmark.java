package dev.agentstore.benchmarks;

import dev.agentstore.AgentStore;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.spi.Ids;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * One-call context assembly for a user with 100,000 past messages (issue 26: p50 at most 1.3x {@code contextWindow}
 * on the same conversation, p95 under 5 ms). The user's past: 1,000 conversations of 100 messages of 12 words each
 * from a vocabulary of 2,000 (imported with their times), every message embedded for recall (384 dimensions shaped
 * like text embeddings, HNSW). The current conversation: a system message, 60 turns of about 40 tokens, a summary
 * through its 21st message, and three pinned memory blocks (the agent's, a shared one, the user's). Four sides take
 * turns in blocks of 50 calls, 1,000 calls per side and round after a warm-up round, budget 2,000 tokens:
 * {@code contextWindow}; {@code assembleContext} with blocks and summary; the same recalling by vector; and recalling
 * by text and vector (three vocabulary words and a fresh vector each call). Medians of the rounds' p50, p95, p99.
 */
public final class ContextAssemblyBenchmark {
    private static final int PAST_CONVERSATIONS = 1_000;
    private static final int MESSAGES_EACH = 100;
    private static final int CALLS = 1_000;
    private static final int BLOCK = 50;
    private static final int BUDGET = 2_000;
    private static final String[] SIDES = {
        "contextWindow(conversation, 2000)",
        "assembleContext: blocks + summary + recent",
        "assembleContext: + recall by vector",
        "assembleContext: + recall by text and vector"
    };

    private ContextAssemblyBenchmark() {}

    /** Runs {@code args[0]} rounds (default 3) and prints the table; 0 sets the data up and stops, for profiling. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        PostgresDatabase database = BenchmarkConfig.migratedDatabase();
        Random random = new Random(26);
        String[] vocabulary = vocabulary(random);
        EmbeddingLikeData vectors = new EmbeddingLikeData(26);
        try (AgentStore root = AgentStore.open(BenchmarkConfig.of(database))) {
            AgentStore store = root.forTenant("bench");
            ConversationRepository chats = store.conversations();
            UUID user = chats.upsertUser(NewUser.of("web", "ann")).id();
            UUID agent = store.agents()
                    .define(AgentSpec.builder(user, "helper", "m").build())
                    .id();
            store.recall().enable(RecallScope.user(user));
            long started = System.nanoTime();
            importPast(store, user, random, vocabulary, vectors);
            database.executeAsAdmin("analyze");
            System.out.printf(
                    Locale.ROOT,
                    "past: %,d messages imported and embedded in %.0f s%n",
                    PAST_CONVERSATIONS * MESSAGES_EACH,
                    (System.nanoTime() - started) / 1e9);
            Conversation chat = current(store, user, agent, random, vocabulary);
            if (rounds == 0) {
                System.out.println("set up only (0 rounds): database "
                        + database.storeConfig().get("postgres.url"));
                return;
            }
            ContextAssembler assembler = store.contextAssembly();
            ContextOptions plain = ContextOptions.DEFAULTS;
            List<IntFunction<Runnable>> sides = List.of(
                    i -> () -> chats.contextWindow(chat.id(), BUDGET),
                    i -> () -> assembler.assembleContext(chat.id(), BUDGET, plain),
                    i -> {
                        ContextOptions byVector = plain.recalling(null, vectors.next());
                        return () -> assembler.assembleContext(chat.id(), BUDGET, byVector);
                    },
                    i -> {
                        ContextOptions both = plain.recalling(words(random, vocabulary, 3), vectors.next());
                        return () -> assembler.assembleContext(chat.id(), BUDGET, both);
                    });
            double[][][] results = new double[SIDES.length][3][rounds];
            for (int round = -1; round < rounds; round++) {
                List<Samples> samples = new ArrayList<>();
                sides.forEach(side -> samples.add(new Samples()));
                for (int block = 0; block < CALLS / BLOCK; block++) {
                    for (int turn = 0; turn < SIDES.length; turn++) {
                        int side = (block + turn) % SIDES.length;
                        for (int i = 0; i < BLOCK; i++) {
                            Runnable call = sides.get(side).apply(i);
                            samples.get(side).time(call);
                        }
                    }
                }
                if (round >= 0) {
                    for (int side = 0; side < SIDES.length; side++) {
                        results[side][0][round] = samples.get(side).percentileMillisAfterSwitches(0.50, BLOCK);
                        results[side][1][round] = samples.get(side).percentileMillisAfterSwitches(0.95, BLOCK);
                        results[side][2][round] = samples.get(side).percentileMillisAfterSwitches(0.99, BLOCK);
                    }
                }
            }
            print(results, rounds);
        }
    }

    private static void print(double[][][] results, int rounds) {
        System.out.println("| side | p50 ms | p95 ms | p99 ms | p50 vs contextWindow |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        double window = Samples.median(results[0][0]);
        for (int side = 0; side < SIDES.length; side++) {
            double p50 = Samples.median(results[side][0]);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.2fx |%n",
                    SIDES[side],
                    p50,
                    Samples.median(results[side][1]),
                    Samples.median(results[side][2]),
                    p50 / window);
        }
        System.out.printf(Locale.ROOT, "%n(medians of %d rounds)%n", rounds);
    }

    /** The user's past conversations, imported with their times, every message embedded. */
    private static void importPast(
            AgentStore store, UUID user, Random random, String[] vocabulary, EmbeddingLikeData vectors) {
        Instant start = Instant.now().minus(Duration.ofDays(400));
        for (int batch = 0; batch < PAST_CONVERSATIONS / 10; batch++) {
            List<ImportedConversation> conversations = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                Instant at = start.plus(Duration.ofHours(batch * 10L + c));
                List<ImportedMessage> messages = new ArrayList<>();
                for (int m = 0; m < MESSAGES_EACH; m++) {
                    String text = words(random, vocabulary, 12);
                    NewMessage message =
                            m % 2 == 0 ? NewMessage.user(text, 20 + m % 20) : NewMessage.assistant(text, 30 + m % 30);
                    messages.add(ImportedMessage.of(Ids.newId(), at.plusSeconds(m * 30L), message));
                }
                conversations.add(ImportedConversation.of(Ids.newId(), user, at, messages));
            }
            store.conversations().importHistory(HistoryImport.of(List.of(), conversations));
            for (ImportedConversation conversation : conversations) {
                store.recall()
                        .embed(
                                conversation.id(),
                                conversation.messages().stream()
                                        .map(m -> new MessageEmbedding(m.id(), vectors.next()))
                                        .toList());
            }
        }
    }

    /** The conversation being assembled: system message, 60 turns, a summary, three pinned blocks. */
    private static Conversation current(AgentStore store, UUID user, UUID agent, Random random, String[] vocabulary) {
        ConversationRepository chats = store.conversations();
        Conversation chat =
                chats.createConversation(NewConversation.forUser(user).underAgent(agent));
        chats.append(chat.id(), NewMessage.system("You are a helpful travel agent. Answer briefly.", 12));
        for (int i = 0; i < 30; i++) {
            chats.append(chat.id(), NewMessage.user(words(random, vocabulary, 20), 35));
            chats.append(chat.id(), NewMessage.assistant(words(random, vocabulary, 30), 45));
        }
        List<Message> first = chats.lastMessages(chat.id(), 61);
        store.summaries()
                .record(
                        chat.id(),
                        NewSummary.of(
                                words(random, vocabulary, 60), first.get(20).sequence(), 90));
        var blocks = store.memoryBlocks();
        blocks.create(
                NewMemoryBlock.of(BlockOwner.agent(agent), "persona", words(random, vocabulary, 40))
                        .asPinned(),
                agent);
        var policy = blocks.create(
                NewMemoryBlock.of(BlockOwner.shared(), "policy", words(random, vocabulary, 30))
                        .asPinned(),
                null);
        blocks.attach(policy.id(), agent);
        blocks.create(
                NewMemoryBlock.of(BlockOwner.user(user), "human", words(random, vocabulary, 30))
                        .asPinned(),
                agent);
        return chat;
    }

    private static String[] vocabulary(Random random) {
        String[] words = new String[2_000];
        for (int i = 0; i < words.length; i++) {
            StringBuilder word = new StringBuilder();
            int length = 4 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = word.toString();
        }
        return words;
    }

    private static String words(Random random, String[] vocabulary, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }
}

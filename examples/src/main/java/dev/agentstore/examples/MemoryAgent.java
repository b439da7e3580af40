package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.checkpoint.Checkpoint;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.run.NewRun;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agent memory beyond the chat history, offline: a trip planner learns in one conversation that Ann travels with her
 * dog, keeps that in a pinned memory block and as recallable turns (embedded in-process by all-MiniLM-L6-v2), plans
 * a trip as a run whose every step is a checkpoint, is interrupted half-way and resumes from the last checkpoint,
 * and weeks later, in a new conversation, assembles its prompt context in one call: the system message, the memory
 * block, the past turn recall finds for the new question, and the recent turns. Run it with the command in the
 * README; it uses the in-memory backend unless {@code AGENTSTORE_POSTGRES_URL} points at a database with pgvector.
 */
public final class MemoryAgent {
    /** The plan's steps; the run is interrupted after the second. */
    static final List<String> STEPS =
            List.of("pick dates", "book dog-friendly flights", "find a hotel", "write the plan");

    private final AgentStore store;
    private final EmbeddingModel embeddings;
    private final PrintStream out;

    private MemoryAgent(AgentStore store, EmbeddingModel embeddings, PrintStream out) {
        this.store = store;
        this.embeddings = embeddings;
        this.out = out;
    }

    /** Opens the store from the environment and runs the example with the in-process embedding model. */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, new AllMiniLmL6V2QuantizedEmbeddingModel(), System.out);
        }
    }

    /** Runs the example on an open store, printing what the agent remembers and does. */
    public static void run(AgentStore store, EmbeddingModel embeddings, PrintStream out) {
        AgentStore tenant = store.forTenant("memory-agent-" + UUID.randomUUID());
        new MemoryAgent(tenant, embeddings, out).story();
    }

    private void story() {
        UUID ann = store.conversations().upsertUser(NewUser.of("web", "ann")).id();
        UUID planner = store.agents()
                .define(AgentSpec.builder(ann, "trip-planner", "m").build())
                .id();
        store.recall().enable(RecallScope.user(ann));

        // Weeks ago: Ann mentions her dog; the agent notes it in her memory block and her turns stay recallable.
        Conversation first = store.conversations()
                .createConversation(NewConversation.forUser(ann).underAgent(planner));
        say(
                first,
                List.of(
                        NewMessage.system("You plan trips. Be brief.", 8),
                        NewMessage.user("Hi! My dog Rex comes with me on every trip.", 12),
                        NewMessage.assistant("Noted: Rex travels with you.", 8),
                        NewMessage.user("I also prefer window seats on trains.", 9),
                        NewMessage.assistant("Window seats it is.", 5)));
        MemoryBlock human = store.memoryBlocks()
                .create(
                        NewMemoryBlock.of(BlockOwner.user(ann), "human", "Ann travels with her dog Rex.")
                                .asPinned(),
                        planner);
        out.println("block " + human.label() + " v" + human.version() + ": " + human.value());

        planTrip(ann, first);

        // Today: a new conversation. One call assembles everything the model needs for Ann's question.
        Conversation today = store.conversations()
                .createConversation(NewConversation.forUser(ann).underAgent(planner));
        String question = "Which hotels in Bergen would accept my pet?";
        say(today, List.of(NewMessage.system("You plan trips. Be brief.", 8), NewMessage.user(question, 10)));
        AssembledContext context = store.contextAssembly()
                .assembleContext(today.id(), 500, ContextOptions.DEFAULTS.recalling(question, embed(question)));
        out.println(
                "context for \"" + question + "\" (" + context.totalTokens() + " of " + context.budget() + " tokens):");
        out.println("  system: " + context.system().content());
        context.blocks().forEach(b -> out.println("  block " + b.label() + ": " + b.value()));
        for (RecallHit hit : context.recalled()) {
            out.println("  recalled: " + hit.message().content());
            hit.after().forEach(m -> out.println("    then: " + m.content()));
        }
        context.recent().forEach(m -> out.println("  recent " + m.role() + ": " + m.content()));
    }

    /**
     * A trip plan as a run of four steps, each ending in a checkpoint of the plan so far; the process "stops" after
     * the second, and a new attempt resumes from the last checkpoint instead of starting over.
     */
    private void planTrip(UUID ann, Conversation conversation) {
        UUID run = store.runs()
                .create(NewRun.of(ann, "trip-planner").inConversation(conversation.id()))
                .id();
        String thread = "trip-" + run;
        CheckpointRepository checkpoints = store.checkpoints();
        runSteps(checkpoints, thread, run, new LinkedHashMap<>(Map.of("done", List.of())), 2);
        out.println("interrupted after "
                + checkpoints.latest(thread, "").orElseThrow().state().get("done"));

        Checkpoint resume = checkpoints.latest(thread, "").orElseThrow();
        List<?> done = (List<?>) resume.state().get("done");
        out.println("resumed from checkpoint " + resume.checkpointId() + " at step " + (done.size() + 1) + " of "
                + STEPS.size());
        runSteps(checkpoints, thread, run, new LinkedHashMap<>(resume.state()), STEPS.size());
        out.println("finished: "
                + checkpoints.latest(thread, "").orElseThrow().state().get("done"));
    }

    /** Runs the steps after those {@code state} records as done, up to {@code until}, checkpointing each. */
    private static void runSteps(
            CheckpointRepository checkpoints, String thread, UUID run, Map<String, Object> state, int until) {
        List<Object> done = new ArrayList<>((List<?>) state.get("done"));
        for (int step = done.size(); step < until; step++) {
            done.add(STEPS.get(step));
            state.put("done", List.copyOf(done));
            String id = "step-" + step;
            String parent = step == 0 ? null : "step-" + (step - 1);
            checkpoints.put(NewCheckpoint.of(thread, id, parent, state).forRun(run));
        }
    }

    /** Appends the messages and embeds the user's and assistant's turns for recall. */
    private void say(Conversation conversation, List<NewMessage> messages) {
        List<Message> stored = store.conversations().appendAll(conversation.id(), messages);
        List<MessageEmbedding> turns = stored.stream()
                .filter(m -> m.role() != dev.agentstore.conversation.MessageRole.SYSTEM)
                .map(m -> new MessageEmbedding(m.id(), embed(m.content())))
                .toList();
        store.recall().embed(conversation.id(), turns);
    }

    private float[] embed(String text) {
        return embeddings.embed(text).content().vector();
    }
}

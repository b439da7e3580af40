package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.MemoryBlock;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One-call context assembly: the parts in their order of precedence, their costs within the budget, the recent turns
 * exactly as the context window takes them, summaries replacing what they cover, tool exchanges never split, recall
 * outside the window, and the errors.
 */
public abstract class ContextAssemblyContract extends StoreContract {
    private static final float[] DOG = {1, 0, 0};

    private UUID ann;
    private UUID helper;
    private Message dogFact;

    private ContextAssembler assembler() {
        return store.contextAssembly();
    }

    private ConversationRepository chats() {
        return store.conversations();
    }

    /** Ann, her agent, and an earlier conversation where she named her dog, embedded for recall. */
    @BeforeEach
    void earlierConversation() {
        ann = chats().upsertUser(NewUser.of("web", "ann")).id();
        helper = store.agents()
                .define(AgentSpec.builder(ann, "helper", "m").build())
                .id();
        store.recall().enable(RecallScope.user(ann));
        Conversation earlier =
                chats().createConversation(NewConversation.forUser(ann).underAgent(helper));
        List<Message> said = chats().appendAll(
                        earlier.id(),
                        List.of(
                                NewMessage.user("My dog is called Rex", 6),
                                NewMessage.assistant("Rex, noted", 3),
                                NewMessage.user("Thanks", 1)));
        dogFact = said.getFirst();
        store.recall()
                .embed(
                        earlier.id(),
                        List.of(
                                new MessageEmbedding(dogFact.id(), DOG),
                                new MessageEmbedding(said.get(1).id(), new float[] {0.9f, 0.1f, 0})));
    }

    /** A conversation under the agent: a system message, then {@code turns} exchanges of 10 tokens a message. */
    private Conversation current(int turns) {
        Conversation chat =
                chats().createConversation(NewConversation.forUser(ann).underAgent(helper));
        chats().append(chat.id(), NewMessage.system("Be brief.", 5));
        for (int i = 1; i <= turns; i++) {
            chats().append(chat.id(), NewMessage.user("question " + i, 10));
            chats().append(chat.id(), NewMessage.assistant("answer " + i, 10));
        }
        return chat;
    }

    private static List<Long> sequences(List<Message> messages) {
        return messages.stream().map(Message::sequence).toList();
    }

    @Test
    void should_assemble_every_part_in_order_with_its_cost() {
        MemoryBlock persona = store.memoryBlocks()
                .create(
                        NewMemoryBlock.of(BlockOwner.agent(helper), "persona", "A calm helper.")
                                .asPinned(),
                        null);
        store.memoryBlocks().create(NewMemoryBlock.of(BlockOwner.agent(helper), "scratch", "not pinned"), null);
        MemoryBlock policy = store.memoryBlocks()
                .create(
                        NewMemoryBlock.of(BlockOwner.shared(), "policy", "Never share secrets.")
                                .asPinned(),
                        null);
        store.memoryBlocks().attach(policy.id(), helper);
        store.memoryBlocks()
                .create(
                        NewMemoryBlock.of(BlockOwner.shared(), "other", "Not attached.")
                                .asPinned(),
                        null);
        MemoryBlock human = store.memoryBlocks()
                .create(
                        NewMemoryBlock.of(BlockOwner.user(ann), "human", "Ann, in Lyon.")
                                .asPinned(),
                        null);
        Conversation chat = current(3);
        store.summaries().record(chat.id(), NewSummary.of("Ann asked about one thing.", 3, 7));

        AssembledContext context = assembler()
                .assembleContext(chat.id(), 1_000, ContextOptions.DEFAULTS.recalling("what is my dog called", DOG));

        assertThat(context.system().content()).isEqualTo("Be brief.");
        assertThat(context.blocks()).extracting(MemoryBlock::id).containsExactly(persona.id(), policy.id(), human.id());
        assertThat(context.summary().coversThrough()).isEqualTo(3);
        assertThat(sequences(context.recent())).containsExactly(4L, 5L, 6L, 7L);
        // the reply is a hit too, but already sent as the dog's neighbour: it is not sent twice
        assertThat(context.recalled()).extracting(h -> h.message().id()).containsExactly(dogFact.id());
        RecallHit dog = context.recalled().getFirst();
        assertThat(dog.after()).extracting(Message::content).containsExactly("Rex, noted");
        long blockTokens = 4 + 5 + 4; // one token per 4 characters, rounded up
        assertThat(context.costs().system()).isEqualTo(5);
        assertThat(context.costs().blocks()).isEqualTo(blockTokens);
        assertThat(context.costs().summary()).isEqualTo(7);
        assertThat(context.costs().recent()).isEqualTo(40);
        assertThat(context.costs().recalled()).isEqualTo(6 + 3);
        assertThat(context.totalTokens()).isEqualTo(5 + blockTokens + 7 + 40 + 9);
        assertThat(context.truncated()).isFalse();
        assertThat(context.budget()).isEqualTo(1_000);
    }

    @Test
    void should_take_the_recent_turns_exactly_as_the_context_window_does() {
        Conversation chat = current(2);
        chats().appendAll(
                        chat.id(),
                        List.of(
                                NewMessage.assistant("", 4).withToolCalls(List.of(new ToolCall("c1", "weather", "{}"))),
                                NewMessage.tool("c1", "sunny", 3),
                                NewMessage.assistant("It is sunny", 6)));
        ContextOptions plain = ContextOptions.DEFAULTS.withoutBlocks().withoutSummary();

        for (int budget = 1; budget <= 70; budget++) {
            ContextWindow window = chats().contextWindow(chat.id(), budget);
            AssembledContext context = assembler().assembleContext(chat.id(), budget, plain);
            List<Message> sent = new ArrayList<>();
            if (context.system() != null) {
                sent.add(context.system());
            }
            sent.addAll(context.recent());
            assertThat(sequences(sent)).as("budget " + budget).isEqualTo(sequences(window.messages()));
            assertThat(context.truncated()).as("budget " + budget).isEqualTo(window.truncated());
            assertThat(context.totalTokens()).as("budget " + budget).isEqualTo(window.totalTokens());
        }
    }

    @Test
    void should_start_after_the_summary_without_a_result_whose_call_it_covers() {
        Conversation chat = current(1);
        List<Message> exchange = chats().appendAll(
                        chat.id(),
                        List.of(
                                NewMessage.assistant("", 4).withToolCalls(List.of(new ToolCall("c1", "weather", "{}"))),
                                NewMessage.tool("c1", "sunny", 3),
                                NewMessage.assistant("It is sunny", 6)));
        store.summaries()
                .record(
                        chat.id(),
                        NewSummary.of(
                                "Ann asked for the weather.",
                                exchange.getFirst().sequence(),
                                6));

        AssembledContext context = assembler().assembleContext(chat.id(), 1_000, ContextOptions.DEFAULTS);

        assertThat(context.recent()).extracting(Message::role).containsExactly(MessageRole.ASSISTANT);
        assertThat(context.recent().getFirst().content()).isEqualTo("It is sunny");
        assertThat(context.truncated()).isFalse();
    }

    @Test
    void should_leave_the_budgets_window_out_of_recall_and_fit_recall_in_what_is_left() {
        Conversation chat = current(3);
        List<Message> mine = chats().lastMessages(chat.id(), 6);
        store.recall()
                .embed(
                        chat.id(),
                        mine.stream()
                                .filter(m -> m.role() == MessageRole.USER)
                                .map(m -> new MessageEmbedding(m.id(), DOG))
                                .toList());

        AssembledContext roomy = assembler()
                .assembleContext(
                        chat.id(),
                        1_000,
                        ContextOptions.DEFAULTS.recalling(null, DOG).withRecallLimit(10, 0));
        assertThat(roomy.recalled())
                .extracting(h -> h.message().content())
                .containsExactly("My dog is called Rex", "Rex, noted");

        // 65 tokens hold the system message and 6 turns: recall may take the older turns the window leaves out
        AssembledContext tight = assembler()
                .assembleContext(
                        chat.id(),
                        40,
                        ContextOptions.DEFAULTS.recalling(null, DOG).withRecallLimit(10, 0));
        assertThat(tight.totalTokens()).isLessThanOrEqualTo(40);
        List<UUID> recent = tight.recent().stream().map(Message::id).toList();
        assertThat(tight.recalled())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(recent).doesNotContain(h.message().id()));
        assertThat(tight.costs().recalled())
                .isEqualTo(
                        tight.recalled().stream().mapToLong(RecallHit::tokens).sum());
        assertThat(tight.truncated()).isTrue();
    }

    @Test
    void should_send_the_system_message_alone_when_it_exceeds_the_budget() {
        Conversation chat = current(2);
        store.memoryBlocks()
                .create(
                        NewMemoryBlock.of(BlockOwner.agent(helper), "persona", "A calm helper.")
                                .asPinned(),
                        null);

        AssembledContext context = assembler().assembleContext(chat.id(), 4, ContextOptions.DEFAULTS);

        assertThat(context.system().content()).isEqualTo("Be brief.");
        assertThat(context.blocks()).isEmpty();
        assertThat(context.recent()).isEmpty();
        assertThat(context.truncated()).isTrue();
        assertThat(context.totalTokens()).isEqualTo(5);
    }

    @Test
    void should_refuse_unknown_conversations_other_tenants_and_bad_input() {
        Conversation chat = current(1);

        assertThatThrownBy(() -> assembler().assembleContext(UUID.randomUUID(), 100, ContextOptions.DEFAULTS))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> otherTenant().contextAssembly().assembleContext(chat.id(), 100, ContextOptions.DEFAULTS))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> assembler().assembleContext(chat.id(), 0, ContextOptions.DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tokenBudget");
        assertThatThrownBy(() -> assembler().assembleContext(chat.id(), 10, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> ContextOptions.DEFAULTS.withRecallShare(1.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("options.recallShare");
        assertThatThrownBy(() -> ContextOptions.DEFAULTS.recalling(null, new float[2]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("options.recallVector");
    }
}

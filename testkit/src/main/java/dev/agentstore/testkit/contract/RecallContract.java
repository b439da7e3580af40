package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.recall.RecallWeights;
import dev.agentstore.vector.Filter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Semantic recall: opt-in scopes, embeddings that go with their messages, the fused ranking, neighbours, exclusions
 * (tombstones, edits, deleted conversations, the current window, other users and tenants) and bad input.
 */
public abstract class RecallContract extends StoreContract {
    private static final float[] DOG = {1, 0, 0};
    private static final float[] PIZZA = {0, 1, 0};
    private static final float[] RAIN = {0, 0, 1};

    private UUID ann;
    private Conversation past;
    private List<Message> said;

    private RecallRepository recall() {
        return store.recall();
    }

    private ConversationRepository chats() {
        return store.conversations();
    }

    /** Ann's past conversation: three exchanges about her dog, pizza and the weather. */
    @BeforeEach
    void pastConversation() {
        ann = chats().upsertUser(NewUser.of("web", "ann")).id();
        past = chats().createConversation(NewConversation.forUser(ann));
        said = chats().appendAll(
                        past.id(),
                        List.of(
                                NewMessage.user("My dog is called Rex", 6),
                                NewMessage.assistant("Rex is a fine name for a dog", 8),
                                NewMessage.user("I love pizza with olives", 6).withMetadata(Map.of("topic", "food")),
                                NewMessage.assistant("Olives on pizza, noted", 6),
                                NewMessage.user("It rains again today", 5),
                                NewMessage.assistant("Take an umbrella", 4)));
    }

    private void embedPast() {
        recall().embed(
                        past.id(),
                        List.of(
                                new MessageEmbedding(said.get(0).id(), DOG),
                                new MessageEmbedding(said.get(1).id(), new float[] {0.9f, 0.1f, 0}),
                                new MessageEmbedding(said.get(2).id(), PIZZA),
                                new MessageEmbedding(said.get(3).id(), new float[] {0.1f, 0.9f, 0}),
                                new MessageEmbedding(said.get(4).id(), RAIN),
                                new MessageEmbedding(said.get(5).id(), new float[] {0, 0.1f, 0.9f})));
    }

    private List<UUID> ids(List<RecallHit> hits) {
        return hits.stream().map(h -> h.message().id()).toList();
    }

    @Test
    void should_embed_only_once_the_user_or_agent_opted_in() {
        assertThatThrownBy(this::embedPast)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("recall is not enabled");
        assertThat(recall().recall(RecallQuery.forUser(ann, "dog", DOG))).isEmpty();

        UUID agent = store.agents()
                .define(AgentSpec.builder(ann, "helper", "m").build())
                .id();
        Conversation withAgent =
                chats().createConversation(NewConversation.forUser(ann).underAgent(agent));
        Message hello = chats().append(withAgent.id(), NewMessage.user("hello dog", 2));
        recall().enable(RecallScope.agent(agent));
        recall().enable(RecallScope.agent(agent));

        assertThat(recall().isEnabled(RecallScope.agent(agent))).isTrue();
        assertThat(recall().isEnabled(RecallScope.user(ann))).isFalse();
        assertThat(recall().embed(withAgent.id(), List.of(new MessageEmbedding(hello.id(), DOG))))
                .isEqualTo(1);
        assertThatThrownBy(this::embedPast).isInstanceOf(ConflictException.class);
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "dog", DOG)))).containsExactly(hello.id());

        recall().enable(RecallScope.user(ann));
        embedPast();
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, null, DOG).withLimit(2))))
                .containsExactly(hello.id(), said.get(0).id()); // a tie: the newer first
        assertThatThrownBy(() -> recall().enable(RecallScope.user(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recall().enable(RecallScope.agent(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_remove_embeddings_when_their_last_scope_is_disabled() {
        recall().enable(RecallScope.user(ann));
        embedPast();

        assertThat(recall().disable(RecallScope.user(ann))).isTrue();
        assertThat(recall().disable(RecallScope.user(ann))).isFalse();
        recall().enable(RecallScope.user(ann));

        // the embeddings are gone, and with them what made the turns recallable, by vector and by words
        assertThat(recall().recall(RecallQuery.forUser(ann, null, DOG))).isEmpty();
        assertThat(recall().recall(RecallQuery.forUser(ann, "umbrella", null))).isEmpty();
        embedPast();
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "umbrella", null))))
                .containsExactly(said.get(5).id());
    }

    @Test
    void should_fuse_similarity_text_and_recency_and_return_neighbours() {
        recall().enable(RecallScope.user(ann));
        embedPast();

        List<RecallHit> byVector = recall().recall(RecallQuery.forUser(ann, null, new float[] {0.95f, 0.05f, 0})
                .withLimit(2)
                .weighted(new RecallWeights(1, 0, 0, 60)));
        assertThat(ids(byVector)).containsExactly(said.get(0).id(), said.get(1).id());
        assertThat(byVector.get(0).score()).isEqualTo(1.0 / 61);

        List<RecallHit> byText = recall().recall(RecallQuery.forUser(ann, "What about OLIVES?", null));
        assertThat(ids(byText))
                .containsExactlyInAnyOrder(said.get(2).id(), said.get(3).id());

        // the last pizza message ranks third by similarity but first by text, and beats the dog ranked first by
        // similarity alone
        List<RecallHit> fused = recall().recall(
                        RecallQuery.forUser(ann, "olives", DOG).withLimit(3).withNeighbours(1));
        assertThat(ids(fused))
                .containsExactly(said.get(3).id(), said.get(2).id(), said.get(0).id());
        RecallHit dog = fused.get(2);
        assertThat(dog.before()).isEmpty();
        assertThat(dog.after())
                .extracting(Message::id)
                .containsExactly(said.get(1).id());
        assertThat(dog.tokens()).isEqualTo(6 + 8);
        assertThat(dog.turns())
                .extracting(Message::id)
                .containsExactly(said.get(0).id(), said.get(1).id());
        assertThat(fused.get(0).score()).isGreaterThan(fused.get(1).score());

        List<RecallHit> middle = recall().recall(
                        RecallQuery.forUser(ann, null, PIZZA).withLimit(1).withNeighbours(2));
        assertThat(middle.getFirst().before())
                .extracting(Message::id)
                .containsExactly(said.get(0).id(), said.get(1).id());
        assertThat(middle.getFirst().after())
                .extracting(Message::id)
                .containsExactly(said.get(3).id(), said.get(4).id());
    }

    @Test
    void should_prefer_the_newer_message_when_scores_tie() {
        recall().enable(RecallScope.user(ann));
        Conversation later = chats().createConversation(NewConversation.forUser(ann));
        clock.advance(java.time.Duration.ofMinutes(1));
        Message again = chats().append(later.id(), NewMessage.user("Rex is my dog", 4));
        recall().embed(past.id(), List.of(new MessageEmbedding(said.get(0).id(), DOG)));
        recall().embed(later.id(), List.of(new MessageEmbedding(again.id(), DOG)));

        List<RecallHit> hits =
                recall().recall(RecallQuery.forUser(ann, null, DOG).withLimit(2));

        assertThat(ids(hits)).containsExactly(again.id(), said.get(0).id());
    }

    @Test
    void should_leave_out_tombstones_edits_deleted_conversations_windows_and_filtered_messages() {
        recall().enable(RecallScope.user(ann));
        embedPast();
        chats().deleteMessage(past.id(), said.get(4).id());
        chats().editMessage(past.id(), said.get(0).id(), new MessageEdit("My cat is called Tom", 6, "ann"));

        assertThat(ids(recall().recall(RecallQuery.forUser(ann, null, RAIN).withLimit(10))))
                .doesNotContain(said.get(4).id())
                .doesNotContain(said.get(0).id()); // its vector went with the old text
        assertThat(recall().recall(RecallQuery.forUser(ann, "cat", null))).isEmpty(); // not embedded again yet
        recall().embed(past.id(), List.of(new MessageEmbedding(said.get(0).id(), new float[] {0.5f, 0.5f, 0})));
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "cat", null))))
                .containsExactly(said.get(0).id());
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "dog Rex", null))))
                .containsExactly(said.get(1).id()); // the old words went with the old embedding
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "pizza olives umbrella", null)
                        .excluding(past.id(), said.get(3).sequence()))))
                .containsExactly(said.get(2).id());
        assertThat(ids(recall().recall(
                                RecallQuery.forUser(ann, "pizza olives", PIZZA).where(Filter.eq("topic", "food")))))
                .containsExactly(said.get(2).id());

        chats().updateConversation(
                        past.id(), ConversationUpdate.expecting(past.version()).status(ConversationStatus.DELETED));
        assertThat(recall().recall(RecallQuery.forUser(ann, "pizza", PIZZA))).isEmpty();
    }

    @Test
    void should_refuse_tool_exchanges_unknown_messages_and_bad_vectors_changing_nothing() {
        recall().enable(RecallScope.user(ann));
        List<Message> exchange = chats().appendAll(
                        past.id(),
                        List.of(
                                NewMessage.assistant("", 3).withToolCalls(List.of(new ToolCall("c1", "weather", "{}"))),
                                NewMessage.tool("c1", "sunny", 2)));

        assertThatThrownBy(() -> recall().embed(
                                past.id(),
                                List.of(
                                        new MessageEmbedding(said.get(0).id(), DOG),
                                        new MessageEmbedding(exchange.get(1).id(), RAIN))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("embeddings");
        assertThatThrownBy(() -> recall().embed(past.id(), List.of(new MessageEmbedding(UUID.randomUUID(), DOG))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recall().embed(
                                UUID.randomUUID(),
                                List.of(new MessageEmbedding(said.get(0).id(), DOG))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> recall().embed(
                                past.id(),
                                List.of(
                                        new MessageEmbedding(said.get(0).id(), DOG),
                                        new MessageEmbedding(said.get(0).id(), PIZZA))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
        assertThat(recall().recall(RecallQuery.forUser(ann, null, DOG))).isEmpty();

        assertThatThrownBy(() -> new MessageEmbedding(said.get(0).id(), new float[3]))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("embedding.vector");
        assertThatThrownBy(() -> new MessageEmbedding(said.get(0).id(), new float[] {Float.NaN}))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RecallQuery.forUser(ann, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> RecallQuery.forUser(ann, "x", null).withLimit(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("query.limit");
        assertThatThrownBy(() -> recall().embed(past.id(), List.of())).isInstanceOf(InvalidInputException.class);
        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "sunny weather", null))))
                .isEmpty();
    }

    @Test
    void should_recall_only_the_users_own_messages_in_its_own_tenant() {
        recall().enable(RecallScope.user(ann));
        embedPast();
        UUID bob = chats().upsertUser(NewUser.of("web", "bob")).id();
        recall().enable(RecallScope.user(bob));
        Conversation bobs = chats().createConversation(NewConversation.forUser(bob));
        Message bobDog = chats().append(bobs.id(), NewMessage.user("my dog bites", 3));
        recall().embed(bobs.id(), List.of(new MessageEmbedding(bobDog.id(), DOG)));

        assertThat(ids(recall().recall(RecallQuery.forUser(ann, "dog", DOG).withLimit(10))))
                .doesNotContain(bobDog.id())
                .contains(said.get(0).id());
        assertThat(ids(recall().recall(RecallQuery.forUser(bob, "dog", DOG).withLimit(10))))
                .containsExactly(bobDog.id());
        assertThat(otherTenant().recall().recall(RecallQuery.forUser(ann, "dog", DOG)))
                .isEmpty();
        assertThatThrownBy(() -> otherTenant()
                        .recall()
                        .embed(
                                past.id(),
                                List.of(new MessageEmbedding(said.get(0).id(), DOG))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void should_forget_embeddings_with_the_erased_user() {
        recall().enable(RecallScope.user(ann));
        embedPast();

        chats().eraseUser(ann);

        assertThat(recall().isEnabled(RecallScope.user(ann))).isFalse();
        assertThat(recall().recall(RecallQuery.forUser(ann, "dog", DOG))).isEmpty();
    }
}

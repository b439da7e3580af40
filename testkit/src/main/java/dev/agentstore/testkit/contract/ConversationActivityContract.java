package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationOrder;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.User;
import dev.agentstore.vector.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Conversations' activity and endings, and listings by {@link ConversationQuery}: a user's "recent chats", an agent's
 * or the whole tenant's conversations, by status and by metadata, keyset-paged in either order.
 */
public abstract class ConversationActivityContract extends ConversationContractBase {

    @Test
    void should_start_active_at_creation_and_move_the_activity_with_every_kind_of_append() {
        Conversation c = conversation();
        assertThat(c.lastActivityAt()).isEqualTo(c.createdAt());
        assertThat(c.endedAt()).isNull();
        assertThat(c.deletedAt()).isNull();

        Instant first = tick();
        repo().append(c.id(), NewMessage.user("hi", 1));
        assertThat(activity(c)).isEqualTo(first);
        Instant second = tick();
        repo().appendAll(c.id(), List.of(NewMessage.user("a", 1), NewMessage.assistant("b", 1)));
        assertThat(activity(c)).isEqualTo(second);
        Instant third = tick();
        repo().appendAll(c.id(), List.of(NewMessage.user("c", 1)), "request-1");
        assertThat(activity(c)).isEqualTo(third);
        tick();
        repo().appendAll(c.id(), List.of(NewMessage.user("c", 1)), "request-1"); // a retry appends nothing
        assertThat(activity(c)).isEqualTo(third);
        Instant fourth = tick();
        repo().appendToMemory(c.id(), List.of(NewMessage.user("d", 1)), MemoryWindow.ALL);
        assertThat(activity(c)).isEqualTo(fourth);
    }

    @Test
    void should_not_count_an_update_or_an_empty_append_as_activity() {
        Conversation c = conversation();
        tick();
        Conversation renamed = repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(1).title("renamed"));
        repo().appendAll(c.id(), List.of());
        repo().appendToMemory(c.id(), List.of(), MemoryWindow.ALL);
        assertThat(renamed.lastActivityAt()).isEqualTo(c.createdAt());
        assertThat(activity(c)).isEqualTo(c.createdAt());
        assertThat(renamed.updatedAt()).isAfter(c.createdAt());
    }

    @Test
    void should_record_when_a_conversation_ended_and_was_deleted_and_clear_both_on_its_return() {
        Conversation c = conversation();
        Instant archivedAt = tick();
        Conversation archived = repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(1).status(ConversationStatus.ARCHIVED));
        assertThat(archived.endedAt()).isEqualTo(archivedAt);
        assertThat(archived.deletedAt()).isNull();

        Instant deletedAt = tick();
        Conversation deleted = repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(2).status(ConversationStatus.DELETED));
        assertThat(deleted.endedAt()).isEqualTo(archivedAt); // it ended when it left ACTIVE
        assertThat(deleted.deletedAt()).isEqualTo(deletedAt);

        tick();
        Conversation retitled = repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(3).title("kept"));
        assertThat(retitled.deletedAt()).isEqualTo(deletedAt);
        assertThat(retitled.endedAt()).isEqualTo(archivedAt);

        Conversation restored = repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(4).status(ConversationStatus.ACTIVE));
        assertThat(restored.endedAt()).isNull();
        assertThat(restored.deletedAt()).isNull();
        assertThat(repo().findConversation(c.id())).contains(restored);
    }

    @Test
    void should_list_a_users_recent_chats_with_the_last_active_first_across_pages() {
        User u = user("recent");
        List<Conversation> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(
                    repo().createConversation(NewConversation.forUser(u.id()).withTitle("c" + i)));
            tick();
        }
        repo().append(created.get(1).id(), NewMessage.user("back to this one", 3));
        tick();
        repo().append(created.get(3).id(), NewMessage.user("and this", 3));
        ConversationQuery recent = ConversationQuery.ofUser(u.id()).orderedBy(ConversationOrder.RECENT_ACTIVITY);

        assertThat(titles(recent)).containsExactly("c3", "c1", "c4", "c2", "c0");
        assertThat(titles(ConversationQuery.ofUser(u.id()))).containsExactly("c4", "c3", "c2", "c1", "c0");
    }

    @Test
    void should_page_conversations_active_at_the_same_instant_without_losing_or_repeating_one() {
        User u = user("ties");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) { // the clock stands still: every conversation is active at the same instant
            ids.add(repo().createConversation(NewConversation.forUser(u.id())).id());
        }
        ConversationQuery recent = ConversationQuery.ofUser(u.id()).orderedBy(ConversationOrder.RECENT_ACTIVITY);
        assertThat(allIds(recent, 2)).containsExactlyElementsOf(ids.reversed());
    }

    @Test
    void should_keep_a_recent_activity_cursor_valid_while_a_listed_conversation_moves_to_the_top() {
        User u = user("moving");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(repo().createConversation(NewConversation.forUser(u.id())).id());
            tick();
        }
        ConversationQuery recent = ConversationQuery.ofUser(u.id()).orderedBy(ConversationOrder.RECENT_ACTIVITY);
        Page<Conversation> first = repo().listConversations(recent, PageRequest.first(2));
        assertThat(first.items()).extracting(Conversation::id).containsExactly(ids.get(3), ids.get(2));
        repo().append(ids.get(3), NewMessage.user("again", 1));
        Page<Conversation> second = repo().listConversations(recent, PageRequest.after(first.nextCursor(), 2));
        assertThat(second.items()).extracting(Conversation::id).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void should_list_an_agents_conversations_across_users_and_the_whole_tenant() {
        User a = user("a");
        UUID agent = store.agents()
                .define(AgentSpec.builder(a.id(), "helper", "m").build())
                .id();
        User b = user("b");
        Conversation a1 =
                repo().createConversation(NewConversation.forUser(a.id()).underAgent(agent));
        tick();
        Conversation b1 =
                repo().createConversation(NewConversation.forUser(b.id()).underAgent(agent));
        tick();
        Conversation a2 = repo().createConversation(NewConversation.forUser(a.id()));
        tick();
        repo().append(a1.id(), NewMessage.user("latest", 1));

        assertThat(ids(ConversationQuery.all().underAgent(agent))).containsExactly(b1.id(), a1.id());
        assertThat(ids(ConversationQuery.all().underAgent(agent).orderedBy(ConversationOrder.RECENT_ACTIVITY)))
                .containsExactly(a1.id(), b1.id());
        assertThat(ids(ConversationQuery.all().underAgent(agent).forUser(b.id())))
                .containsExactly(b1.id());
        assertThat(ids(ConversationQuery.all())).containsExactly(a2.id(), b1.id(), a1.id());
        assertThat(ids(ConversationQuery.all().orderedBy(ConversationOrder.RECENT_ACTIVITY)))
                .containsExactly(a1.id(), a2.id(), b1.id());
        assertThat(otherTenant()
                        .conversations()
                        .listConversations(ConversationQuery.all(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void should_list_by_status_in_either_order() {
        User u = user("status");
        Conversation open = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation archived = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation deleted = repo().createConversation(NewConversation.forUser(u.id()));
        repo().updateConversation(archived.id(), ConversationUpdate.expecting(1).status(ConversationStatus.ARCHIVED));
        repo().updateConversation(deleted.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));
        for (ConversationOrder order : ConversationOrder.values()) {
            ConversationQuery mine = ConversationQuery.ofUser(u.id()).orderedBy(order);
            assertThat(ids(mine.withStatus(ConversationStatus.ACTIVE))).containsExactly(open.id());
            assertThat(ids(mine.withStatus(ConversationStatus.ARCHIVED))).containsExactly(archived.id());
            assertThat(ids(mine.withStatus(ConversationStatus.DELETED))).containsExactly(deleted.id());
            assertThat(ids(mine)).hasSize(3);
        }
    }

    @Test
    void should_list_conversations_whose_metadata_passes_a_filter() {
        User u = user("meta");
        Conversation support = created(u, Map.of("topic", "support", "priority", 3, "vip", true));
        Conversation sales = created(u, Map.of("topic", "sales", "priority", 1));
        Conversation bare = created(u, Map.of());
        ConversationQuery mine = ConversationQuery.ofUser(u.id());

        assertThat(ids(mine.where(Filter.eq("topic", "support")))).containsExactly(support.id());
        assertThat(ids(mine.where(Filter.in("topic", List.of("sales", "billing")))))
                .containsExactly(sales.id());
        assertThat(ids(mine.where(Filter.gte("priority", 2)))).containsExactly(support.id());
        assertThat(ids(mine.where(Filter.ne("topic", "support")))).containsExactly(bare.id(), sales.id());
        assertThat(ids(mine.where(Filter.exists("vip")))).containsExactly(support.id());
        assertThat(ids(mine.where(Filter.and(Filter.eq("topic", "sales"), Filter.lt("priority", 2)))))
                .containsExactly(sales.id());
        assertThat(ids(mine.where(Filter.eq("priority", "3")))).isEmpty(); // a string is not the number 3
        assertThat(ids(ConversationQuery.all().where(Filter.eq("topic", "support"))))
                .containsExactly(support.id());
    }

    @Test
    void should_page_a_filtered_listing_and_keep_its_cursor_to_its_order() {
        User u = user("filtered-pages");
        List<UUID> tagged = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Conversation c = created(u, Map.of("tagged", i % 2 == 0));
            if (i % 2 == 0) {
                tagged.add(c.id());
            }
        }
        ConversationQuery query = ConversationQuery.ofUser(u.id()).where(Filter.eq("tagged", true));
        assertThat(allIds(query, 2)).containsExactlyElementsOf(tagged.reversed());
        Page<Conversation> byCreation = repo().listConversations(query, PageRequest.first(1));
        assertThatThrownBy(() -> repo().listConversations(
                                query.orderedBy(ConversationOrder.RECENT_ACTIVITY),
                                PageRequest.after(byCreation.nextCursor(), 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page.cursor");
    }

    @Test
    void should_refuse_a_query_without_an_order_or_with_a_missing_user_naming_the_field() {
        assertThatThrownBy(() -> ConversationQuery.all().orderedBy(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("query.order");
        assertThatThrownBy(() -> ConversationQuery.ofUser(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("query.userId");
        assertThatThrownBy(() -> repo().listConversations((ConversationQuery) null, PageRequest.first(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("query");
    }

    /** Moves the clock on and returns the new time, which the next stored timestamp takes. */
    private Instant tick() {
        clock.advance(Duration.ofMillis(7));
        return clock.instant();
    }

    private Instant activity(Conversation c) {
        return repo().findConversation(c.id()).orElseThrow().lastActivityAt();
    }

    private Conversation created(User u, Map<String, ?> metadata) {
        Conversation c =
                repo().createConversation(NewConversation.forUser(u.id()).withMetadata(metadata));
        tick();
        return c;
    }

    private List<String> titles(ConversationQuery query) {
        return repo().listConversations(query, PageRequest.first(50)).items().stream()
                .map(Conversation::title)
                .toList();
    }

    private List<UUID> ids(ConversationQuery query) {
        return repo().listConversations(query, PageRequest.first(50)).items().stream()
                .map(Conversation::id)
                .toList();
    }

    /** Every id the query lists, walking pages of {@code pageSize}. */
    private List<UUID> allIds(ConversationQuery query, int pageSize) {
        List<UUID> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (request != null) {
            Page<Conversation> page = repo().listConversations(query, request);
            page.items().forEach(c -> ids.add(c.id()));
            request = page.nextRequest(request).orElse(null);
        }
        return ids;
    }
}

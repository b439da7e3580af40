package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.ConversationRetentionReport;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Conversation retention: soft-deleted conversations purged after their age, messages older than a tenant keeps them
 * removed (inactive conversations whole), expired idempotency keys removed; in batches, one tenant at a time.
 */
public abstract class ConversationRetentionContract extends ConversationContractBase {
    private static final ConversationRetentionPolicy DEFAULTS = ConversationRetentionPolicy.defaults();

    @Test
    void should_purge_conversations_deleted_at_least_the_policys_age_ago_with_what_hangs_on_them() {
        User u = user("purge");
        Conversation early = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation late = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation kept = repo().createConversation(NewConversation.forUser(u.id()));
        appendNumbered(early.id(), 3);
        appendNumbered(kept.id(), 2);
        AgentRun run = store.runs().create(NewRun.of(u.id(), "planner").inConversation(early.id()));
        softDelete(early);
        clock.advance(Duration.ofDays(10));
        softDelete(late);
        clock.advance(Duration.ofDays(20)); // early: deleted exactly 30 days ago; late: 20 days ago

        ConversationRetentionReport report = repo().applyRetention(DEFAULTS);

        assertThat(report).isEqualTo(new ConversationRetentionReport(1, 0, 3, 0));
        assertThat(repo().findConversation(early.id())).isEmpty();
        assertThat(store.runs().find(run.id())).isEmpty();
        assertThat(repo().findConversation(late.id())).isPresent();
        assertThat(repo().lastMessages(kept.id(), 10)).hasSize(2);
        assertThat(repo().applyRetention(DEFAULTS))
                .as("nothing left to do")
                .isEqualTo(ConversationRetentionReport.NOTHING);
    }

    @Test
    void should_remove_messages_older_than_kept_and_conversations_inactive_since_whole() {
        User u = user("keep");
        Conversation quiet = repo().createConversation(NewConversation.forUser(u.id()));
        Conversation live = repo().createConversation(NewConversation.forUser(u.id()));
        appendNumbered(quiet.id(), 2);
        List<Message> old = appendNumbered(live.id(), 3);
        store.feedback()
                .give(NewFeedback.onMessage(u.id(), live.id(), old.get(2).id(), 1));
        clock.advance(Duration.ofDays(60));
        List<Message> recent = repo().appendAll(
                        live.id(), List.of(NewMessage.user("still here", 5), NewMessage.assistant("indeed", 5)));
        store.feedback()
                .give(NewFeedback.onMessage(u.id(), live.id(), recent.get(1).id(), 5));

        ConversationRetentionReport report = repo().applyRetention(DEFAULTS.keepingMessagesFor(Duration.ofDays(30)));

        assertThat(report).isEqualTo(new ConversationRetentionReport(0, 1, 5, 0));
        assertThat(repo().findConversation(quiet.id())).isEmpty();
        assertThat(repo().history(live.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(10))
                        .items())
                .extracting(Message::sequence)
                .containsExactly(4L, 5L);
        assertThat(repo().history(live.id(), HistoryOrder.NEWEST_FIRST, PageRequest.first(10))
                        .items())
                .extracting(Message::sequence)
                .containsExactly(5L, 4L);
        assertThat(repo().lastMessages(live.id(), 10)).containsExactlyElementsOf(recent);
        assertThat(repo().contextWindow(live.id(), 1_000).messages()).containsExactlyElementsOf(recent);
        assertThat(store.feedback().ofConversation(live.id()))
                .extracting(Feedback::messageId)
                .containsExactly(recent.get(1).id());
        assertThat(repo().append(live.id(), NewMessage.user("next", 1)).sequence())
                .isEqualTo(6);
    }

    @Test
    void should_remove_idempotency_keys_once_they_outlive_their_time_to_live() {
        Conversation c = conversation();
        repo().appendAll(c.id(), List.of(NewMessage.user("q", 1)), "request-1");
        clock.advance(Duration.ofDays(3));
        repo().appendAll(c.id(), List.of(NewMessage.user("q", 1)), "request-2");
        clock.advance(Duration.ofDays(4)); // request-1 is 7 days old: conversations.idempotency-key-ttl's default

        assertThat(repo().applyRetention(DEFAULTS).appendKeysRemoved()).isEqualTo(1);
        assertThat(repo().appendAll(c.id(), List.of(NewMessage.user("q", 1)), "request-2"))
                .as("a live key still answers its retries")
                .extracting(Message::sequence)
                .containsExactly(2L);
    }

    @Test
    void should_do_the_work_in_batches_smaller_than_what_it_removes() {
        User u = user("batches");
        for (int i = 0; i < 5; i++) {
            Conversation c = repo().createConversation(NewConversation.forUser(u.id()));
            appendNumbered(c.id(), 7);
            softDelete(c);
        }
        Conversation live = repo().createConversation(NewConversation.forUser(u.id()));
        appendNumbered(live.id(), 9);
        clock.advance(Duration.ofDays(31));
        appendNumbered(live.id(), 1);

        ConversationRetentionReport report = repo().applyRetention(
                        DEFAULTS.keepingMessagesFor(Duration.ofDays(30)).inBatchesOf(2));

        assertThat(report).isEqualTo(new ConversationRetentionReport(5, 0, 5 * 7 + 9, 0));
        assertThat(repo().lastMessages(live.id(), 100))
                .extracting(Message::sequence)
                .containsExactly(10L);
    }

    @Test
    void should_keep_every_append_made_while_retention_trims_the_same_conversation() throws Exception {
        Conversation live = conversation();
        for (int i = 0; i < 4; i++) {
            appendNumbered(live.id(), 50);
        }
        clock.advance(Duration.ofDays(31));
        repo().append(live.id(), NewMessage.user("keeps it active", 1));

        List<Long> removed = Concurrently.run(2, worker -> {
            if (worker == 0) {
                return repo().applyRetention(
                                DEFAULTS.keepingMessagesFor(Duration.ofDays(30)).inBatchesOf(10))
                        .messagesRemoved();
            }
            for (int i = 0; i < 40; i++) {
                repo().append(live.id(), NewMessage.user("during " + i, 1));
            }
            return 0L;
        });

        assertThat(removed).containsExactlyInAnyOrder(200L, 0L);
        assertThat(repo().lastMessages(live.id(), 1_000))
                .extracting(Message::sequence)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(201, 241).boxed().toList());
    }

    @Test
    void should_touch_no_other_tenant() {
        AgentStore other = otherTenant();
        User mine = user("mine");
        User theirs = other.conversations().upsertUser(NewUser.of("web", "theirs"));
        Conversation myChat = repo().createConversation(NewConversation.forUser(mine.id()));
        Conversation theirChat = other.conversations().createConversation(NewConversation.forUser(theirs.id()));
        other.conversations().append(theirChat.id(), NewMessage.user("theirs", 1));
        other.conversations()
                .updateConversation(
                        theirChat.id(), ConversationUpdate.expecting(1).status(ConversationStatus.DELETED));
        softDelete(myChat);
        clock.advance(Duration.ofDays(400));

        assertThat(repo().applyRetention(DEFAULTS.keepingMessagesFor(Duration.ofDays(1)))
                        .conversationsPurged())
                .isEqualTo(1);
        assertThat(other.conversations().findConversation(theirChat.id())).isPresent();
        assertThat(other.conversations().lastMessages(theirChat.id(), 5)).hasSize(1);
    }

    @Test
    void should_apply_each_tenants_own_policy_from_the_root_store_only() {
        AgentStore other = otherTenant();
        Conversation mine = conversation();
        appendNumbered(mine.id(), 2);
        User theirs = other.conversations().upsertUser(NewUser.of("web", "theirs"));
        Conversation theirChat = other.conversations().createConversation(NewConversation.forUser(theirs.id()));
        other.conversations().append(theirChat.id(), NewMessage.user("theirs", 1));
        clock.advance(Duration.ofDays(10));

        ConversationRetentionReport total = root().applyConversationRetention(Map.of(
                store.tenant(), DEFAULTS.keepingMessagesFor(Duration.ofDays(5)),
                other.tenant(), DEFAULTS.keepingMessagesFor(Duration.ofDays(30))));

        assertThat(total).isEqualTo(new ConversationRetentionReport(0, 1, 2, 0));
        assertThat(repo().findConversation(mine.id())).isEmpty();
        assertThat(other.conversations().findConversation(theirChat.id())).isPresent();
        assertThatThrownBy(() -> store.applyConversationRetention(Map.of(store.tenant(), DEFAULTS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("root store");
        assertThatThrownBy(() -> root().applyConversationRetention(Map.of("", DEFAULTS)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policyByTenant.tenant");
    }

    @Test
    void should_refuse_a_policy_that_breaks_a_rule_naming_the_field() {
        assertThatThrownBy(() -> DEFAULTS.purgingDeletedAfter(Duration.ofDays(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policy.purgeDeletedAfter");
        assertThatThrownBy(() -> DEFAULTS.purgingDeletedAfter(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policy.purgeDeletedAfter");
        assertThatThrownBy(() -> DEFAULTS.keepingMessagesFor(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policy.keepMessagesFor");
        assertThatThrownBy(() -> DEFAULTS.inBatchesOf(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policy.batchSize");
        assertThatThrownBy(() -> repo().applyRetention(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("policy");
    }

    private void softDelete(Conversation c) {
        Conversation current = repo().findConversation(c.id()).orElseThrow();
        repo().updateConversation(
                        c.id(), ConversationUpdate.expecting(current.version()).status(ConversationStatus.DELETED));
    }
}

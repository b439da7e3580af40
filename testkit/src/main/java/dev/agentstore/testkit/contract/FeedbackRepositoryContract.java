package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.FeedbackStats;
import dev.agentstore.feedback.NewFeedback;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Feedback: one per user and target (a second replaces it), aggregates per model and day, removal with its owner. */
public abstract class FeedbackRepositoryContract extends StoreContract {

    private FeedbackRepository feedback() {
        return store.feedback();
    }

    private UUID user(String name) {
        return store.conversations().upsertUser(NewUser.of("web", name)).id();
    }

    private UUID chat(UUID user) {
        return store.conversations()
                .createConversation(NewConversation.forUser(user))
                .id();
    }

    private Message answer(UUID chat, String model) {
        return store.conversations()
                .append(chat, NewMessage.assistant("an answer", 3).withModel(model));
    }

    @Test
    void should_keep_one_feedback_per_user_and_message_and_replace_it() {
        UUID ann = user("ann");
        UUID chat = chat(ann);
        Message answer = answer(chat, "gpt-4o");
        Feedback first =
                feedback().give(NewFeedback.onMessage(ann, chat, answer.id(), 2).withComment("vague"));
        assertThat(first.model()).isEqualTo("gpt-4o");
        clock.advance(Duration.ofMinutes(1));
        Feedback second = feedback().give(NewFeedback.onMessage(ann, chat, answer.id(), 5));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.rating()).isEqualTo(5);
        assertThat(second.comment()).isNull();
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isEqualTo(clock.instant());
        assertThat(feedback().find(ann, chat, answer.id())).contains(second);

        Feedback onChat = feedback().give(NewFeedback.onConversation(ann, chat, 4));
        assertThat(onChat.messageId()).isNull();
        assertThat(feedback().find(ann, chat, null)).contains(onChat);
        assertThat(feedback().ofConversation(chat)).extracting(Feedback::id).containsExactly(first.id(), onChat.id());
    }

    @Test
    void should_refuse_unknown_users_conversations_and_messages() {
        UUID ann = user("ann");
        UUID chat = chat(ann);
        assertThatThrownBy(() -> feedback().give(NewFeedback.onConversation(UUID.randomUUID(), chat, 3)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> feedback().give(NewFeedback.onConversation(ann, UUID.randomUUID(), 3)))
                .isInstanceOf(NotFoundException.class);
        Message elsewhere = answer(chat(ann), "m");
        assertThatThrownBy(() -> feedback().give(NewFeedback.onMessage(ann, chat, elsewhere.id(), 3)))
                .as("the message must be in that conversation")
                .isInstanceOf(NotFoundException.class);
        assertThat(feedback().ofConversation(chat)).isEmpty();
    }

    @Test
    void should_aggregate_per_model_and_per_day() {
        UUID ann = user("ann");
        UUID ben = user("ben");
        UUID chat = chat(ann);
        Message a = answer(chat, "alpha");
        Message b = answer(chat, "beta");
        Instant start = clock.instant();
        feedback().give(NewFeedback.onMessage(ann, chat, a.id(), 5));
        feedback().give(NewFeedback.onMessage(ben, chat, a.id(), 1));
        feedback().give(NewFeedback.onMessage(ann, chat, b.id(), 4));
        feedback().give(NewFeedback.onConversation(ann, chat, 3));
        clock.advance(Duration.ofDays(1));
        feedback().give(NewFeedback.onMessage(ben, chat, b.id(), 2));
        Instant end = clock.instant().plusSeconds(1);

        assertThat(feedback().byModel(start, end))
                .containsOnlyKeys("alpha", "beta")
                .containsEntry("alpha", new FeedbackStats(2, 3.0, 1, 1))
                .containsEntry("beta", new FeedbackStats(2, 3.0, 1, 1));
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        assertThat(feedback().byDay(start, end))
                .containsEntry(first, new FeedbackStats(4, 3.25, 2, 1))
                .containsEntry(first.plusDays(1), new FeedbackStats(1, 2.0, 0, 1));
        assertThat(feedback().byModel(end, end.plusSeconds(60))).isEmpty();
    }

    @Test
    void should_withdraw_and_remove_feedback_with_its_user_or_conversation_and_keep_tenants_apart() {
        UUID ann = user("ann");
        UUID ben = user("ben");
        UUID chat = chat(ann);
        Feedback anns = feedback().give(NewFeedback.onConversation(ann, chat, 5));
        Feedback bens = feedback().give(NewFeedback.onConversation(ben, chat, 1));
        assertThat(otherTenant().feedback().find(ann, chat, null)).isEmpty();
        assertThat(otherTenant().feedback().withdraw(anns.id())).isFalse();

        assertThat(feedback().withdraw(bens.id())).isTrue();
        assertThat(feedback().withdraw(bens.id())).isFalse();
        store.conversations().eraseUser(ben);
        assertThat(feedback().ofConversation(chat)).extracting(Feedback::id).containsExactly(anns.id());
        store.conversations().deleteConversation(chat);
        assertThat(feedback().ofConversation(chat)).isEmpty();
        assertThat(feedback().find(ann, chat, null)).isEmpty();
    }
}

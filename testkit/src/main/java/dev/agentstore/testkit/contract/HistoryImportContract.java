package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.ImportedUser;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.ToolCall;
import dev.agentstore.conversation.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Importing history from another system: caller-supplied ids and original times kept, many conversations per call,
 * idempotent, atomic, tenant-scoped.
 */
public abstract class HistoryImportContract extends ConversationContractBase {
    private static final Instant LONG_AGO = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    void should_keep_the_ids_and_times_of_imported_users_conversations_and_messages() {
        ImportedUser ann = ImportedUser.of(UUID.randomUUID(), "web", "ann-" + UUID.randomUUID(), LONG_AGO);
        List<ImportedMessage> messages = List.of(
                message(0, NewMessage.system("You are helpful.", 4)),
                message(1, NewMessage.user("What is the weather in Oslo?", 7)),
                message(2, NewMessage.assistant("", 3).withToolCalls(List.of(new ToolCall("c1", "weather", "{}")))),
                message(3, NewMessage.tool("c1", "rain", 1)),
                message(4, NewMessage.assistant("Rain, take an umbrella.", 5)));
        ImportedConversation trip = ImportedConversation.of(UUID.randomUUID(), ann.id(), LONG_AGO, messages)
                .withKey("legacy-42")
                .withTitle("Trip")
                .withMetadata(Map.of("source", "legacy"));
        ImportedConversation empty = ImportedConversation.of(UUID.randomUUID(), ann.id(), LONG_AGO, List.of());

        ImportReport report = repo().importHistory(HistoryImport.of(List.of(ann), List.of(trip, empty)));

        assertThat(report).isEqualTo(new ImportReport(1, 2, 5));
        User user = repo().findUser(ann.id()).orElseThrow();
        assertThat(user.createdAt()).isEqualTo(LONG_AGO);
        Conversation stored = repo().findConversationByKey("legacy-42").orElseThrow();
        assertThat(stored.id()).isEqualTo(trip.id());
        assertThat(stored.title()).isEqualTo("Trip");
        assertThat(stored.metadata()).isEqualTo(Map.of("source", "legacy"));
        assertThat(stored.createdAt()).isEqualTo(LONG_AGO);
        assertThat(stored.lastActivityAt()).isEqualTo(messages.getLast().createdAt());
        assertThat(stored.version()).isEqualTo(1);
        List<Message> history = repo().history(trip.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(10))
                .items();
        assertThat(history).extracting(Message::id).containsExactlyElementsOf(ids(messages));
        assertThat(history).extracting(Message::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history).extracting(Message::createdAt).containsExactlyElementsOf(times(messages));
        assertThat(history.get(2).toolCalls()).containsExactly(new ToolCall("c1", "weather", "{}"));
        assertThat(history.get(3).toolCallId()).isEqualTo("c1");
        assertThat(repo().contextWindow(trip.id(), 1_000).messages()).hasSize(5);
        assertThat(repo().search(ann.id(), "umbrella", 5)).hasSize(1);
        assertThat(repo().append(trip.id(), NewMessage.user("And tomorrow?", 3)).sequence())
                .isEqualTo(6);
        assertThat(repo().findConversation(empty.id()).orElseThrow().lastActivityAt())
                .isEqualTo(LONG_AGO);
        assertThat(repo().listConversations(ConversationQuery.ofUser(ann.id()), PageRequest.first(10))
                        .items())
                .hasSize(2);
    }

    @Test
    void should_add_nothing_when_the_same_batch_is_imported_again() {
        HistoryImport batch = batch(3, 4);
        assertThat(repo().importHistory(batch)).isEqualTo(new ImportReport(3, 3, 12));

        assertThat(repo().importHistory(batch)).isEqualTo(new ImportReport(0, 0, 0));

        for (ImportedConversation c : batch.conversations()) {
            assertThat(repo().lastMessages(c.id(), 100)).hasSize(4);
        }
    }

    @Test
    void should_import_conversations_of_users_stored_before() {
        User stored = user("stored-before");
        ImportedConversation chat = ImportedConversation.of(
                UUID.randomUUID(), stored.id(), LONG_AGO, List.of(message(0, NewMessage.user("hello", 1))));

        assertThat(repo().importHistory(HistoryImport.of(List.of(), List.of(chat))))
                .isEqualTo(new ImportReport(0, 1, 1));
        assertThat(repo().lastMessages(chat.id(), 5))
                .extracting(Message::content)
                .containsExactly("hello");
    }

    @Test
    void should_skip_a_conversation_whose_key_is_taken_with_all_its_messages() {
        User u = user("keyed");
        repo().createConversation(dev.agentstore.conversation.NewConversation.forUser(u.id())
                .withKey("k-1"));
        ImportedConversation clash = ImportedConversation.of(
                        UUID.randomUUID(), u.id(), LONG_AGO, List.of(message(0, NewMessage.user("lost", 1))))
                .withKey("k-1");

        assertThat(repo().importHistory(HistoryImport.of(List.of(), List.of(clash))))
                .isEqualTo(new ImportReport(0, 0, 0));
        assertThat(repo().findConversation(clash.id())).isEmpty();
    }

    @Test
    void should_store_nothing_when_a_conversations_user_is_unknown() {
        ImportedUser known = ImportedUser.of(UUID.randomUUID(), "web", "known-" + UUID.randomUUID(), LONG_AGO);
        ImportedConversation fine = ImportedConversation.of(
                UUID.randomUUID(), known.id(), LONG_AGO, List.of(message(0, NewMessage.user("a", 1))));
        ImportedConversation orphan = ImportedConversation.of(
                UUID.randomUUID(), UUID.randomUUID(), LONG_AGO, List.of(message(1, NewMessage.user("b", 1))));

        assertThatThrownBy(() -> repo().importHistory(HistoryImport.of(List.of(known), List.of(fine, orphan))))
                .isInstanceOf(NotFoundException.class);

        assertThat(repo().findUser(known.id())).isEmpty();
        assertThat(repo().findConversation(fine.id())).isEmpty();
    }

    @Test
    void should_store_nothing_when_a_message_id_is_taken_by_a_stored_message() {
        Conversation existing = conversation();
        Message taken = repo().append(existing.id(), NewMessage.user("mine", 1));
        User u = user("importer");
        ImportedConversation chat = ImportedConversation.of(
                UUID.randomUUID(),
                u.id(),
                LONG_AGO,
                List.of(
                        message(0, NewMessage.user("fresh", 1)),
                        ImportedMessage.of(taken.id(), LONG_AGO.plusSeconds(5), NewMessage.user("clash", 1))));

        assertThatThrownBy(() -> repo().importHistory(HistoryImport.of(List.of(), List.of(chat))))
                .isInstanceOf(ConflictException.class);

        assertThat(repo().findConversation(chat.id())).isEmpty();
        assertThat(repo().lastMessages(existing.id(), 5)).containsExactly(taken);
    }

    @Test
    void should_store_nothing_when_another_user_has_an_imported_users_channel_and_external_id() {
        User stored = user("taken-external");
        ImportedUser twin = ImportedUser.of(UUID.randomUUID(), "web", stored.externalId(), LONG_AGO);

        assertThatThrownBy(() -> repo().importHistory(HistoryImport.of(List.of(twin), List.of())))
                .isInstanceOf(ConflictException.class);

        assertThat(repo().findUser(twin.id())).isEmpty();
    }

    @Test
    void should_refuse_messages_out_of_time_order_or_ids_given_twice_naming_the_field() {
        UUID user = UUID.randomUUID();
        assertThatThrownBy(() -> ImportedConversation.of(
                        UUID.randomUUID(),
                        user,
                        LONG_AGO,
                        List.of(message(5, NewMessage.user("later", 1)), message(1, NewMessage.user("earlier", 1)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("conversation.messages");
        assertThatThrownBy(() -> ImportedConversation.of(
                        UUID.randomUUID(), user, LONG_AGO, List.of(message(-1, NewMessage.user("before start", 1)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("conversation.messages");
        ImportedMessage twice = message(0, NewMessage.user("twice", 1));
        assertThatThrownBy(() -> HistoryImport.of(
                        List.of(),
                        List.of(
                                ImportedConversation.of(UUID.randomUUID(), user, LONG_AGO, List.of(twice)),
                                ImportedConversation.of(UUID.randomUUID(), user, LONG_AGO, List.of(twice)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("import.conversations.messages");
        assertThatThrownBy(() -> repo().importHistory(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("batch");
    }

    @Test
    void should_import_the_same_ids_into_two_tenants_apart() {
        HistoryImport batch = batch(2, 3);
        AgentStore other = otherTenant();

        assertThat(repo().importHistory(batch)).isEqualTo(new ImportReport(2, 2, 6));
        assertThat(other.conversations().importHistory(batch)).isEqualTo(new ImportReport(2, 2, 6));

        UUID chat = batch.conversations().getFirst().id();
        repo().append(chat, NewMessage.user("only here", 1));
        assertThat(repo().lastMessages(chat, 100)).hasSize(4);
        assertThat(other.conversations().lastMessages(chat, 100)).hasSize(3);
    }

    /** {@code users} users with one conversation of {@code messages} messages each. */
    private static HistoryImport batch(int users, int messages) {
        List<ImportedUser> imported = new ArrayList<>();
        List<ImportedConversation> conversations = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            ImportedUser user = ImportedUser.of(UUID.randomUUID(), "legacy", "user-" + UUID.randomUUID(), LONG_AGO);
            imported.add(user);
            List<ImportedMessage> history = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                history.add(message(m, NewMessage.user("message " + m, 2)));
            }
            conversations.add(ImportedConversation.of(UUID.randomUUID(), user.id(), LONG_AGO, history));
        }
        return HistoryImport.of(imported, conversations);
    }

    /** A message sent {@code minutes} after {@link #LONG_AGO}. */
    private static ImportedMessage message(int minutes, NewMessage content) {
        return ImportedMessage.of(UUID.randomUUID(), LONG_AGO.plus(Duration.ofMinutes(minutes)), content);
    }

    private static List<UUID> ids(List<ImportedMessage> messages) {
        return messages.stream().map(ImportedMessage::id).toList();
    }

    private static List<Instant> times(List<ImportedMessage> messages) {
        return messages.stream().map(ImportedMessage::createdAt).toList();
    }
}

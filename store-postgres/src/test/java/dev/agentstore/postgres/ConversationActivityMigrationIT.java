package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The migration that adds conversations' activity and ending times fills them in for conversations of every tenant
 * stored before it: the last message's time (or the creation time), and the last update's time for conversations
 * that had already left ACTIVE, so the new checks hold for old rows.
 */
class ConversationActivityMigrationIT {
    private static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant LAST_MESSAGE = Instant.parse("2026-01-07T10:00:00Z");

    @Test
    void should_backfill_activity_endings_and_deletions_of_every_tenants_conversations() {
        PostgresDatabase database = PostgresTestDatabase.migratedTo("17");
        UUID quiet = UUID.randomUUID();
        UUID talked = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        for (String tenant : new String[] {"a", "b"}) {
            UUID user = UUID.randomUUID();
            database.executeAsAdmin("insert into agentstore.users (tenant_id, id, channel, external_id, created_at,"
                    + " updated_at) values ('" + tenant + "', '" + user + "', 'web', 'x', '" + CREATED + "', '"
                    + CREATED + "')");
            insertConversation(database, tenant, quiet, user, "ACTIVE", 0);
            insertConversation(database, tenant, talked, user, "ACTIVE", 2);
            insertConversation(database, tenant, archived, user, "ARCHIVED", 0);
            insertConversation(database, tenant, deleted, user, "DELETED", 1);
            for (int sequence = 1; sequence <= 2; sequence++) {
                database.executeAsAdmin("insert into agentstore.messages (tenant_id, conversation_id, sequence, id,"
                        + " role, content, token_count, created_at) values ('" + tenant + "', '" + talked + "', "
                        + sequence + ", gen_random_uuid(), 'USER', 'hi', 1, '"
                        + (sequence == 2 ? LAST_MESSAGE : CREATED) + "')");
            }
            database.executeAsAdmin("insert into agentstore.messages (tenant_id, conversation_id, sequence, id, role,"
                    + " content, token_count, created_at) values ('" + tenant + "', '" + deleted
                    + "', 1, gen_random_uuid(), 'USER', 'hi', 1, '" + LAST_MESSAGE + "')");
        }

        try (AgentStore store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build())) {
            for (String tenant : new String[] {"a", "b"}) {
                ConversationRepository conversations = store.forTenant(tenant).conversations();
                Conversation q = conversations.findConversation(quiet).orElseThrow();
                assertThat(q.lastActivityAt()).isEqualTo(CREATED);
                assertThat(q.endedAt()).isNull();
                assertThat(q.deletedAt()).isNull();
                assertThat(conversations.findConversation(talked).orElseThrow().lastActivityAt())
                        .isEqualTo(LAST_MESSAGE);
                Conversation a = conversations.findConversation(archived).orElseThrow();
                assertThat(a.endedAt()).isEqualTo(UPDATED);
                assertThat(a.deletedAt()).isNull();
                Conversation d = conversations.findConversation(deleted).orElseThrow();
                assertThat(d.status()).isEqualTo(ConversationStatus.DELETED);
                assertThat(d.lastActivityAt()).isEqualTo(LAST_MESSAGE);
                assertThat(d.endedAt()).isEqualTo(UPDATED);
                assertThat(d.deletedAt()).isEqualTo(UPDATED);
            }
        }
    }

    private static void insertConversation(
            PostgresDatabase database, String tenant, UUID id, UUID user, String status, int lastSequence) {
        database.executeAsAdmin("insert into agentstore.conversations (tenant_id, id, user_id, status, version,"
                + " last_sequence, created_at, updated_at) values ('" + tenant + "', '" + id + "', '" + user + "', '"
                + status + "', 1, " + lastSequence + ", '" + CREATED + "', '" + UPDATED + "')");
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.ImportedUser;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.testkit.contract.HistoryImportContract;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history import contract with the ingest role configured: an import COPYs straight into the tenant's tables as
 * that role, and whatever a constraint refuses there (a re-import, a user stored before, a taken key or id, an unknown
 * user) still behaves as the contract says, through the row-level-security path. A trigger records which role
 * inserted each message, so the tests see which path wrote it.
 */
class PostgresHistoryIngestIT extends HistoryImportContract {
    private static final String INGEST_PASSWORD = "ingest";

    private static PostgresDatabase database;
    private static String ingestRole;

    @BeforeAll
    static void createIngestRole() {
        database = PostgresTestDatabase.create();
        ingestRole = "agentstore_ingest_"
                + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        // Test-only DDL; the role name is made of hex digits above.
        database.executeAsAdmin(
                "CREATE ROLE " + ingestRole + " LOGIN PASSWORD '" + INGEST_PASSWORD + "' NOSUPERUSER BYPASSRLS");
        AgentStore.open(ingestStoreConfig(), Clock.systemUTC()).close(); // migrates and grants
        database.executeAsAdmin("create table public.messages_inserted_by (tenant text, role text)");
        database.executeAsAdmin("create function public.note_message_inserter() returns trigger language plpgsql"
                + " security definer as $$ begin insert into public.messages_inserted_by"
                + " values (new.tenant_id, session_user); return new; end $$");
        database.executeAsAdmin("create trigger note_message_inserter before insert on agentstore.messages"
                + " for each row execute function public.note_message_inserter()");
    }

    private static StoreConfig ingestStoreConfig() {
        return database.storeConfig().toBuilder()
                .set("postgres.ingest-user", ingestRole)
                .set("postgres.ingest-password", INGEST_PASSWORD)
                .migrateOnOpen(true)
                .build();
    }

    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(ingestStoreConfig(), clock);
    }

    @Test
    void should_copy_a_new_import_as_the_ingest_role_and_a_repeated_one_under_row_level_security() throws SQLException {
        Instant start = Instant.parse("2024-05-01T08:00:00Z");
        ImportedUser ann = ImportedUser.of(UUID.randomUUID(), "web", "ann-" + UUID.randomUUID(), start);
        HistoryImport batch = HistoryImport.of(
                List.of(ann),
                IntStream.range(0, 3)
                        .mapToObj(c -> ImportedConversation.of(
                                UUID.randomUUID(),
                                ann.id(),
                                start,
                                IntStream.range(0, 4)
                                        .mapToObj(m -> ImportedMessage.of(
                                                UUID.randomUUID(),
                                                start.plusSeconds(m),
                                                NewMessage.user("message " + m, 2)))
                                        .toList()))
                        .toList());

        assertThat(repo().importHistory(batch)).isEqualTo(new ImportReport(1, 3, 12));
        assertThat(repo().importHistory(batch)).isEqualTo(new ImportReport(0, 0, 0));

        assertThat(insertedBy(ingestRole)).isEqualTo(12);
        assertThat(insertedBy(database.runtimeRole())).isZero();
    }

    /** How many messages of this test's tenant {@code role} inserted. */
    private long insertedBy(String role) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement count = admin.prepareStatement(
                        "select count(*) from public.messages_inserted_by where tenant = ? and role = ?")) {
            count.setString(1, store.tenant());
            count.setString(2, role);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}

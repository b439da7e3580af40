package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.User;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a user was seeded into every table of both schemas and then erased, no row of any table holds the user's id,
 * external id, email or message text, read as the administrator (no row-level security): only the audit log, whose
 * entries never change (its rows name the user as the actor of what they did, and record the erase itself).
 */
class PostgresEraseEverywhereIT {
    private static final String MESSAGE = "a message only the erased user wrote, quartz-zebra-" + UUID.randomUUID();

    @Test
    void should_leave_no_row_naming_the_erased_user_outside_the_audit_log() throws SQLException {
        PostgresDatabase database = PostgresTestDatabase.create();
        String tenant = "erase-" + UUID.randomUUID();
        List<String> tables;
        UUID userId;
        try (AgentStore store = AgentStore.open(
                database.storeConfig().toBuilder().migrateOnOpen(true).build())) {
            AgentStore view = store.forTenant(tenant);
            EveryTable.seed(view);
            User user = view.conversations()
                    .findUserByExternalId("web", EveryTable.USER)
                    .orElseThrow();
            userId = user.id();
            UUID chat = view.conversations()
                    .listConversations(user.id(), null, dev.agentstore.PageRequest.first(1))
                    .items()
                    .getFirst()
                    .id();
            view.conversations().append(chat, NewMessage.user(MESSAGE, 9));
            tables = EveryTable.names(database);
            assertThat(naming(database, tables, userId)).as("seeded").contains("agentstore.messages");

            assertThat(view.conversations().eraseUser(userId)).isTrue();
        }
        assertThat(naming(database, tables, userId)).containsExactly("agentstore.audit_log");
    }

    /** The tables with a row whose text holds the user's id, external id, email or message. */
    private static List<String> naming(PostgresDatabase database, List<String> tables, UUID userId)
            throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection admin = database.adminConnection()) {
            for (String table : tables) {
                // table names come from the catalog; the searched values are bound
                try (PreparedStatement scan = admin.prepareStatement("select count(*) from " + table
                        + " t where strpos(t::text, ?) > 0 or strpos(t::text, ?) > 0 or strpos(lower(t::text), ?) > 0"
                        + " or strpos(t::text, ?) > 0")) {
                    scan.setString(1, userId.toString());
                    scan.setString(2, EveryTable.USER);
                    scan.setString(3, "every@example.com");
                    scan.setString(4, MESSAGE);
                    try (ResultSet rows = scan.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(table);
                        }
                    }
                }
            }
        }
        return found;
    }
}

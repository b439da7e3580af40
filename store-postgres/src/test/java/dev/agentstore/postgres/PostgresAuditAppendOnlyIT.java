package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only in PostgreSQL itself, below agentstore's API: the runtime role has no privilege to
 * change or delete entries, and the table's triggers refuse even the owner.
 */
class PostgresAuditAppendOnlyIT {
    private static final PostgresDatabase DATABASE = PostgresTestDatabase.shared();
    private static final String TENANT = "audit-" + UUID.randomUUID();
    private static AuditEntry entry;

    @BeforeAll
    static void appendOneEntry() {
        try (AgentStore store = AgentStore.open(DATABASE.storeConfig())) {
            entry = store.forTenant(TENANT).auditLog().append(NewAuditEntry.of(null, "kept.forever", "thing", "1"));
        }
    }

    @Test
    void should_refuse_the_runtime_role_to_update_delete_or_truncate() throws SQLException {
        for (String sql : List.of(
                "update agentstore.audit_log set action = 'rewritten' where tenant_id = ?",
                "delete from agentstore.audit_log where tenant_id = ?")) {
            try (Connection connection = DATABASE.runtimeConnection()) {
                connection.setAutoCommit(false);
                setTenant(connection);
                assertThatThrownBy(() -> run(connection, sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        try (Connection connection = DATABASE.runtimeConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("truncate agentstore.audit_log"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
        assertUnchanged();
    }

    @Test
    void should_refuse_even_the_owner_through_the_tables_triggers() throws SQLException {
        for (String sql : List.of(
                "update agentstore.audit_log set action = 'rewritten'",
                "delete from agentstore.audit_log",
                "truncate agentstore.audit_log")) {
            try (Connection connection = DATABASE.adminConnection();
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("the audit log is append-only");
            }
        }
        assertUnchanged();
    }

    private static void assertUnchanged() {
        try (AgentStore store = AgentStore.open(DATABASE.storeConfig())) {
            assertThat(store.forTenant(TENANT).auditLog().find(entry.id())).contains(entry);
        }
    }

    private static void setTenant(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select set_config('agentstore.tenant_id', ?, true)")) {
            statement.setString(1, TENANT);
            statement.execute();
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TENANT);
            statement.executeUpdate();
        }
    }
}

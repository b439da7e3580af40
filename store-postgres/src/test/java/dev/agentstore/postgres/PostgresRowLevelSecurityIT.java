package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TenantPolicyCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself confines the runtime role to one tenant: these tests bypass agentstore's own tenant
 * predicates and talk SQL directly as the runtime role, and read the catalog instead of trusting the migrations.
 * Tenant A is seeded through every repository first, so every table holds a row someone could wrongly see.
 */
class PostgresRowLevelSecurityIT {
    private static final PostgresDatabase DATABASE = PostgresTestDatabase.shared();
    private static final String[] SCHEMAS = {"agentstore", "agentstore_security"};
    private static final String TENANT_A = "rls-a-" + UUID.randomUUID();
    private static final String TENANT_B = "rls-b-" + UUID.randomUUID();

    @BeforeAll
    static void seedEveryTable() {
        try (AgentStore store = AgentStore.open(DATABASE.storeConfig())) {
            EveryTable.seed(store.forTenant(TENANT_A));
            store.forTenant(TENANT_B).conversations().upsertUser(NewUser.of("web", "bob"));
        }
    }

    @Test
    void should_give_every_table_exactly_the_tenant_policy() throws SQLException {
        try (Connection admin = DATABASE.adminConnection()) {
            assertThat(TenantPolicyCatalog.tableNames(admin, SCHEMAS))
                    .as("partitions are in the catalog check too")
                    .anyMatch(table -> table.matches("agentstore\\.llm_metrics_\\d{4}_\\d{2}"));
            assertThat(TenantPolicyCatalog.policyProblems(admin, SCHEMAS)).isEmpty();
        }
    }

    @Test
    void should_grant_the_runtime_role_nothing_on_partitions_or_migration_history() throws SQLException {
        try (Connection admin = DATABASE.adminConnection()) {
            assertThat(TenantPolicyCatalog.privilegeProblems(admin, DATABASE.runtimeRole(), SCHEMAS))
                    .isEmpty();
        }
    }

    @Test
    void should_show_change_and_delete_nothing_of_any_table_without_a_tenant_or_with_an_empty_one()
            throws SQLException {
        List<String> tables = EveryTable.names(DATABASE);
        try (Connection admin = DATABASE.adminConnection()) {
            for (String table : tables) {
                assertThat(count(admin, "select count(*) from " + table + " where tenant_id = '" + TENANT_A + "'"))
                        .as(table + " holds tenant A's seeded rows")
                        .isPositive();
            }
        }
        try (Connection runtime = DATABASE.runtimeConnection()) {
            runtime.setAutoCommit(false);
            for (String tenant : new String[] {null, ""}) {
                for (String table : tables) {
                    if (tenant != null) {
                        setTenant(runtime, tenant);
                    }
                    String as = table + " with tenant " + (tenant == null ? "unset" : "''");
                    assertThat(count(runtime, "select count(*) from " + table))
                            .as(as)
                            .isZero();
                    if (!table.endsWith(".audit_log")) { // no UPDATE or DELETE privilege at all there
                        assertThat(execute(runtime, "update " + table + " set tenant_id = tenant_id"))
                                .as(as)
                                .isZero();
                        assertThat(execute(runtime, "delete from " + table))
                                .as(as)
                                .isZero();
                    }
                    runtime.rollback();
                }
            }
            setTenant(runtime, "");
            assertThatThrownBy(() -> execute(
                            runtime,
                            "insert into agentstore.users (tenant_id, id, channel, external_id, created_at, updated_at)"
                                    + " values ('', gen_random_uuid(), 'web', 'nobody', now(), now())"))
                    .as("a row for the empty tenant")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            runtime.rollback();
        }
    }

    @Test
    void should_show_only_the_tenant_set_in_the_transaction() throws SQLException {
        try (Connection connection = DATABASE.runtimeConnection()) {
            connection.setAutoCommit(false);
            setTenant(connection, TENANT_A);
            assertThat(externalIds(connection)).containsExactly(EveryTable.USER);
            connection.commit();

            assertThat(count(connection, "select count(*) from agentstore.users"))
                    .as("the setting ends with its transaction")
                    .isZero();
        }
    }

    @Test
    void should_let_tenant_b_neither_update_nor_delete_tenant_a_rows() throws SQLException {
        try (Connection connection = DATABASE.runtimeConnection()) {
            connection.setAutoCommit(false);
            setTenant(connection, TENANT_B);
            assertThat(update(connection, "update agentstore.users set display_name = 'owned' where tenant_id = ?"))
                    .isZero();
            assertThat(update(connection, "delete from agentstore.users where tenant_id = ?"))
                    .isZero();
            connection.commit();
        }
        try (AgentStore store = AgentStore.open(DATABASE.storeConfig())) {
            assertThat(store.forTenant(TENANT_A).conversations().findUserByExternalId("web", EveryTable.USER))
                    .hasValueSatisfying(user -> assertThat(user.displayName()).isNull());
        }
    }

    @Test
    void should_refuse_rows_written_for_another_tenant() throws SQLException {
        try (Connection connection = DATABASE.runtimeConnection()) {
            connection.setAutoCommit(false);
            setTenant(connection, TENANT_B);
            assertThatThrownBy(() -> update(
                            connection,
                            "insert into agentstore.users (tenant_id, id, channel, external_id, created_at, updated_at)"
                                    + " values (?, gen_random_uuid(), 'web', 'mallory', now(), now())"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
    }

    @Test
    void should_force_row_level_security_on_every_table() throws SQLException {
        try (Connection connection = DATABASE.runtimeConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select c.relname, c.relrowsecurity, c.relforcerowsecurity"
                        + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname in ('agentstore', 'agentstore_security') and c.relkind in ('r', 'p')"
                        + " and c.relname not like 'agentstore_%_history'")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
                assertThat(rows.getBoolean(2))
                        .as(rows.getString(1) + " has RLS")
                        .isTrue();
                assertThat(rows.getBoolean(3))
                        .as(rows.getString(1) + " forces RLS")
                        .isTrue();
            }
            assertThat(tables)
                    .contains("users", "chat_sessions", "conversations", "messages", "models", "response_cache")
                    .contains("system_metrics", "llm_metrics", "daily_metrics_summary")
                    .contains("credentials", "password_history", "reset_tokens", "api_keys", "login_attempts")
                    .contains("agent_runs", "message_append_keys", "message_feedback", "agents", "channel_configs")
                    .contains("api_usage", "api_usage_limits", "error_log", "audit_log")
                    .contains("security_events")
                    .anyMatch(table -> table.matches("llm_metrics_\\d{4}_\\d{2}"));
        }
    }

    @Test
    void should_deny_the_runtime_role_ddl_and_switching_rls_off() throws SQLException {
        try (Connection connection = DATABASE.runtimeConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("create table agentstore.intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("alter table agentstore.users disable row level security"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> statement.execute("drop policy tenant_isolation on agentstore.users"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
        }
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select set_config('agentstore.tenant_id', ?, true)")) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    private static List<String> externalIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select external_id from agentstore.users")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TENANT_A);
            return statement.executeUpdate();
        }
    }

    private static int execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

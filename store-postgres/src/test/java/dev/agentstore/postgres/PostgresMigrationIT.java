package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Migrations: applied once however many openers race, into the configured schema, by a separate migrator. */
class PostgresMigrationIT {
    @Test
    void should_apply_each_migration_once_when_several_jvms_open_an_empty_database_at_once() throws Exception {
        PostgresDatabase database = PostgresTestDatabase.create();
        List<Process> jvms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jvms.add(startJvmOpening(database));
        }
        for (Process jvm : jvms) {
            assertThat(jvm.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(jvm.exitValue())
                    .as(new String(jvm.getInputStream().readAllBytes()))
                    .isZero();
        }
        assertThat(appliedVersions(database, "agentstore"))
                .containsExactly(
                        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
                        "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28");
        assertThat(strings(
                        database,
                        "select version from agentstore_security.agentstore_security_history"
                                + " where success and version is not null order by installed_rank"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void should_refuse_to_open_when_a_shipped_migration_was_changed() throws SQLException {
        PostgresDatabase database = PostgresTestDatabase.create();
        StoreConfig config =
                database.storeConfig().toBuilder().migrateOnOpen(true).build();
        AgentStore.open(config).close();
        // What a changed V2 file looks like to Flyway: a checksum that no longer matches the applied one.
        database.executeAsAdmin(
                "update agentstore.agentstore_postgres_history set checksum = checksum + 1 where version = '2'");
        assertThatThrownBy(() -> AgentStore.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("differ from the ones this version of agentstore ships")
                .hasMessageContaining("2");
    }

    @Test
    void should_put_every_table_in_the_configured_schema() throws SQLException {
        PostgresDatabase database = PostgresTestDatabase.create();
        StoreConfig config = database.storeConfig().toBuilder()
                .set("postgres.schema", "chat_data")
                .migrateOnOpen(true)
                .build();
        try (AgentStore store = AgentStore.open(config)) {
            store.conversations().upsertUser(NewUser.of("web", "in-custom-schema"));
        }
        assertThat(appliedVersions(database, "chat_data"))
                .containsExactly(
                        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
                        "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28");
        assertThat(tablesIn(database, "chat_data"))
                .contains("users", "conversations", "messages", "models", "response_cache")
                .contains("system_metrics", "llm_metrics", "daily_metrics_summary")
                .anyMatch(table -> table.matches("llm_metrics_\\d{4}_\\d{2}"));
        assertThat(tablesIn(database, "agentstore")).isEmpty();
        assertThat(tablesIn(database, "public")).isEmpty();
    }

    @Test
    void should_migrate_again_without_changes() {
        PostgresDatabase database = PostgresTestDatabase.create();
        StoreConfig config =
                database.storeConfig().toBuilder().migrateOnOpen(true).build();
        try (AgentStore first = AgentStore.open(config);
                AgentStore second = AgentStore.open(config)) {
            second.migrate();
            first.conversations().upsertUser(NewUser.of("web", "x"));
            assertThat(second.conversations().findUserByExternalId("web", "x")).isPresent();
        }
    }

    private static Process startJvmOpening(PostgresDatabase database) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        StoreConfig config =
                database.storeConfig().toBuilder().migrateOnOpen(true).build();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), OpenStoreMain.class.getName()));
        config.properties().forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .directory(Path.of(".").toFile())
                .start();
    }

    @Test
    void should_create_the_tenant_policy_function_in_every_schema_for_the_owner_only() throws Exception {
        PostgresDatabase database = PostgresTestDatabase.create();
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        assertThat(strings(
                        database,
                        "select n.nspname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                                + " where p.proname = 'apply_tenant_policy' order by 1"))
                .containsExactly("agentstore", "agentstore_security");
        database.executeAsAdmin("create table agentstore.probe (tenant_id text not null, note text)");
        database.executeAsAdmin("select agentstore.apply_tenant_policy('agentstore.probe')");
        assertThat(strings(
                        database,
                        "select c.relrowsecurity::text || c.relforcerowsecurity::text || (select qual from pg_policies"
                                + " where schemaname = 'agentstore' and tablename = 'probe'"
                                + " and policyname = 'tenant_isolation')"
                                + " from pg_class c where c.oid = 'agentstore.probe'::regclass"))
                .containsExactly(
                        "truetrue(tenant_id = NULLIF(current_setting('agentstore.tenant_id'::text, true), ''::text))");
        try (Connection runtime = database.runtimeConnection();
                Statement statement = runtime.createStatement()) {
            assertThatThrownBy(() -> statement.execute("select agentstore.apply_tenant_policy('agentstore.models')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for function apply_tenant_policy");
        }
    }

    private static List<String> appliedVersions(PostgresDatabase database, String schema) throws SQLException {
        return strings(
                database,
                "select version from " + schema
                        + ".agentstore_postgres_history where success and version is not null order by installed_rank");
    }

    private static List<String> tablesIn(PostgresDatabase database, String schema) throws SQLException {
        return strings(
                database,
                "select tablename from pg_tables where schemaname = '" + schema
                        + "' and tablename not like '%history'");
    }

    // Test-only SQL over constant schema names written in this class.
    private static List<String> strings(PostgresDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.adminConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.ConfigurationException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.PostgresServer;
import dev.agentstore.testkit.fixture.TestServers;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A store refuses to open as a role PostgreSQL would not confine to one tenant, as a new user would try it: the
 * server's superuser, a BYPASSRLS role, a runtime role that owns a table while another role migrates, or a table
 * whose row-level security was switched off; {@code postgres.allow-rls-bypass=true} opens it anyway.
 */
class PostgresRuntimeRoleIT {
    private final PostgresServer server = TestServers.postgres();

    @Test
    void should_refuse_the_superuser_as_runtime_role_unless_allowed() {
        PostgresDatabase database = migrated();
        StoreConfig asSuperuser = database.storeConfig().toBuilder()
                .set("postgres.url", database.url())
                .set("postgres.user", server.username())
                .setSecret("postgres.password", Secret.of(server.password()))
                .build();
        assertThatThrownBy(() -> AgentStore.open(asSuperuser))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is a superuser")
                .hasMessageContaining("least-privilege")
                .hasMessageContaining("postgres.allow-rls-bypass");
        try (AgentStore store = AgentStore.open(
                asSuperuser.toBuilder().set("postgres.allow-rls-bypass", "true").build())) {
            assertThat(store.conversations().upsertUser(NewUser.of("web", "admin-run")))
                    .isNotNull();
        }
    }

    @Test
    void should_refuse_a_bypassrls_role() {
        PostgresDatabase database = migrated();
        String role = "bypass_" + UUID.randomUUID().toString().replace("-", "");
        database.executeAsAdmin("CREATE ROLE " + role + " LOGIN PASSWORD 'bypass' BYPASSRLS");
        database.executeAsAdmin("GRANT USAGE ON SCHEMA agentstore, agentstore_security TO " + role);
        StoreConfig config = database.storeConfig().toBuilder()
                .set("postgres.url", database.url())
                .set("postgres.user", role)
                .setSecret("postgres.password", Secret.of("bypass"))
                .build();
        assertThatThrownBy(() -> AgentStore.open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("BYPASSRLS");
    }

    @Test
    void should_refuse_a_runtime_role_that_owns_a_table_while_another_role_migrates() {
        PostgresDatabase database = migrated();
        database.executeAsAdmin("ALTER TABLE agentstore.models OWNER TO " + database.runtimeRole());
        assertThatThrownBy(() -> AgentStore.open(database.storeConfig()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("owns 1 agentstore table");
    }

    @Test
    void should_refuse_a_table_whose_row_level_security_was_switched_off() {
        PostgresDatabase database = migrated();
        database.executeAsAdmin("ALTER TABLE agentstore_security.api_keys NO FORCE ROW LEVEL SECURITY");
        assertThatThrownBy(() -> AgentStore.open(database.storeConfig()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("1 agentstore table(s) have row-level security switched off or not forced");
    }

    @Test
    void should_open_the_single_role_setup_where_the_runtime_role_migrates_and_owns_the_tables() {
        PostgresDatabase database = PostgresDatabase.create(server);
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        database.executeAsAdmin("GRANT CREATE ON DATABASE " + name + " TO " + database.runtimeRole());
        StoreConfig singleRole = StoreConfig.builder()
                .set("postgres.url", database.url())
                .set("postgres.user", database.runtimeRole())
                .setSecret("postgres.password", Secret.of("runtime"))
                .migrateOnOpen(true)
                .build();
        AgentStore.open(singleRole).close(); // the first open migrates: the runtime role now owns the tables
        try (AgentStore again = AgentStore.open(singleRole)) {
            assertThat(again.conversations().upsertUser(NewUser.of("web", "owner-run")))
                    .isNotNull();
        }
    }

    private PostgresDatabase migrated() {
        PostgresDatabase database = PostgresDatabase.create(server);
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        return database;
    }
}

package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentstore.AgentStore;
import dev.agentstore.ConfigurationException;
import dev.agentstore.StoreConfig;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.testkit.contract.TenantIsolationContract;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store on the application's own pool ({@code AgentStoreBuilder.dataSource}): every capability works through
 * it without {@code postgres.url}, agentstore leaves it open, still refuses a role that bypasses row-level
 * security, refuses connections without auto-commit, and migrates as the migration user through the URL when one
 * is set.
 */
class PostgresOwnDataSourceIT {
    private static PostgresDatabase database;
    private static HikariDataSource pool;

    @BeforeAll
    static void openPool() {
        database = PostgresTestDatabase.shared();
        pool = runtimePool(true);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    private static HikariDataSource runtimePool(boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.runtimeRole());
        config.setPassword(database.runtimePassword().reveal());
        config.setMaximumPoolSize(3);
        config.setAutoCommit(autoCommit);
        config.setMinimumIdle(0); // connections only when borrowed: the count shows who used the pool
        config.setPoolName("application-pool");
        return new HikariDataSource(config);
    }

    /**
     * No URL and no migration user: only the key for sealed secrets, and the schema migrated already. (The pool's
     * role then runs any DDL, so in production it owns the schema; here it does not, so these tests create no
     * partitions or collections.)
     */
    private static StoreConfig withoutUrl() {
        return StoreConfig.builder()
                .set("encryption.key.test", database.storeConfig().get("encryption.key.test"))
                .migrateOnOpen(false)
                .build();
    }

    @Test
    void should_serve_on_the_applications_pool_without_a_url_and_leave_it_open() throws Exception {
        try (AgentStore store =
                AgentStore.builder(withoutUrl()).dataSource(pool).open()) {
            AgentStore tenant = store.forTenant("own-pool");
            Conversation chat = tenant.conversations()
                    .createConversation(NewConversation.forUser(tenant.conversations()
                            .upsertUser(NewUser.of("web", "own-pool-user"))
                            .id()));
            tenant.conversations().append(chat.id(), NewMessage.user("through the application's pool", 5));
            assertThat(tenant.conversations().lastMessages(chat.id(), 1)).hasSize(1);
            assertThat(store.health().isUp()).isTrue();
        }
        assertThat(pool.isClosed())
                .as("the application's pool outlives the store")
                .isFalse();
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select 1")) {
            assertThat(row.next()).isTrue();
        }
    }

    @Test
    void should_refuse_a_pool_whose_role_bypasses_row_level_security() {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(database.url());
        admin.setUser(TestServers.postgres().username());
        admin.setPassword(TestServers.postgres().password());

        assertThatThrownBy(
                        () -> AgentStore.builder(withoutUrl()).dataSource(admin).open())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("row-level security");
    }

    @Test
    void should_refuse_connections_without_auto_commit() {
        try (HikariDataSource manual = runtimePool(false)) {
            assertThatThrownBy(() ->
                            AgentStore.builder(withoutUrl()).dataSource(manual).open())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("auto-commit");
        }
    }

    @Test
    void should_need_a_url_for_a_migration_user() {
        StoreConfig migrating = withoutUrl().toBuilder()
                .set("postgres.migration-user", database.migrationRole())
                .set("postgres.migration-password", "migration")
                .build();

        assertThatThrownBy(() -> AgentStore.builder(migrating).dataSource(pool).open())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("postgres.migration-user needs postgres.url");
    }

    @Test
    void should_migrate_as_the_migration_user_and_run_on_the_applications_pool() {
        StoreConfig full =
                database.storeConfig().toBuilder().migrateOnOpen(true).build();
        try (AgentStore store = AgentStore.builder(full).dataSource(pool).open()) {
            assertThat(store.forTenant("own-pool-2")
                            .metrics()
                            .dailySummaries(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 2)))
                    .isEmpty();
        }
        assertThat(pool.isClosed()).isFalse();
    }

    /**
     * Tenant isolation with every runtime statement on the application's pool; the migration user, reached through
     * the URL, runs the partition DDL the runtime role may not (as in a deployment where another role owns the
     * schema).
     */
    @Nested
    class Isolation extends TenantIsolationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.builder(database.storeConfig().toBuilder()
                            .migrateOnOpen(false)
                            .build())
                    .clock(clock)
                    .dataSource(pool)
                    .open();
        }
    }
}

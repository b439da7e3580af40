package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The database setup the README and {@code docker-compose.yml} give users, {@code docker/postgres/least-privilege.sql},
 * run as written on a fresh database, then the examples on it as the two roles it creates: the migrator applies
 * every migration, and the application runs as a role that owns nothing and cannot bypass row-level security.
 */
class LeastPrivilegeSetupIT {
    private static final Path SETUP = Path.of("..", "docker", "postgres", "least-privilege.sql");

    @Test
    void should_serve_every_example_area_as_the_runtime_role_after_the_documented_setup() throws Exception {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        String appPassword = randomHex();
        String migratorPassword = randomHex();
        // as init.sh does it: the passwords are session settings, the script is run unchanged
        database.executeAsAdmin("SET agentstore.app_password = '" + appPassword + "';"
                + " SET agentstore.migrator_password = '" + migratorPassword + "';\n"
                + Files.readString(SETUP));
        StoreConfig config = StoreConfig.builder()
                .set("postgres.url", database.url())
                .set("postgres.user", "agentstore_app")
                .setSecret("postgres.password", Secret.of(appPassword))
                .set("postgres.migration-user", "agentstore_migrator")
                .set("postgres.migration-password", migratorPassword)
                .set("encryption.key.local", randomKey())
                .set("redis.url", TestServers.redis().url())
                .migrateOnOpen(true)
                .build();

        var bytes = new ByteArrayOutputStream();
        try (AgentStore store = AgentStore.open(config);
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertThat(store.health().components()).containsEntry("postgres", "up");
            QuickStart.run(store, out);
            Security.run(store, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("conversations: 'Trip to Oslo' holds 4 messages")
                .contains("best Oslo match for 'skiing' is \"Holmenkollen ski jump and trails\"")
                .contains("TOTP: confirmed=true");
        try (Connection app = DriverManager.getConnection(database.url(), "agentstore_app", appPassword);
                Statement statement = app.createStatement();
                ResultSet role = statement.executeQuery("select r.rolsuper, r.rolbypassrls,"
                        + " (select count(*) from pg_tables t where t.tableowner = current_user)"
                        + " from pg_roles r where r.rolname = current_user")) {
            role.next();
            assertThat(role.getBoolean(1)).as("superuser").isFalse();
            assertThat(role.getBoolean(2)).as("bypasses row-level security").isFalse();
            assertThat(role.getLong(3)).as("tables owned").isZero();
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

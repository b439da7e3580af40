package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.AgentStoreException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfigBuilder;
import dev.agentstore.security.Credential;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.testkit.MutableClock;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TotpAuthenticator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TOTP secrets at rest: sealed under the active key (its id in front), re-sealed under a new active key at their
 * next use while the old key still opens them, and refused when tampered with or copied to another credential.
 */
class PostgresSealedSecretsIT {
    private static final Secret PASSWORD = Secret.of("a long enough password");

    private final MutableClock clock = MutableClock.startingNow();
    private final String tenant = "sealed-" + UUID.randomUUID();
    private final Map<UUID, TotpAuthenticator> secrets = new HashMap<>();
    private PostgresDatabase database;
    private String oldKey;
    private String newKey;

    @BeforeEach
    void createDatabase() {
        database = PostgresTestDatabase.create();
        oldKey = randomKey();
        newKey = randomKey();
    }

    @Test
    void should_reseal_under_the_new_active_key_at_next_use_and_keep_working() throws SQLException {
        Credential alice;
        try (AgentStore store = open(keys("old", oldKey).set("encryption.active-key", "old"))) {
            alice = enrolled(store.forTenant(tenant).security(), "alice");
        }
        TotpAuthenticator secret = secrets.get(alice.id());
        assertThat(sealed(alice)).startsWith("old:");

        try (AgentStore store =
                open(keys("old", oldKey).set("encryption.key.new", newKey).set("encryption.active-key", "new"))) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(store.forTenant(tenant).security().verifyTotp(alice.id(), code(secret)))
                    .isTrue();
        }
        assertThat(sealed(alice)).startsWith("new:");

        try (AgentStore store = open(keys("new", newKey).set("encryption.active-key", "new"))) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(store.forTenant(tenant).security().verifyTotp(alice.id(), code(secret)))
                    .isTrue();
        }
    }

    @Test
    void should_refuse_a_tampered_or_moved_secret_and_record_it() throws SQLException {
        try (AgentStore store = open(keys("k", oldKey).set("encryption.active-key", "k"))) {
            SecurityRepository security = store.forTenant(tenant).security();
            Credential alice = enrolled(security, "alice");
            Credential bob = enrolled(security, "bob");
            setSealed(bob, sealed(alice)); // alice's secret copied onto bob's row
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> security.verifyTotp(bob.id(), "123456"))
                    .isInstanceOf(AgentStoreException.class)
                    .hasMessageContaining("failed authentication");

            String original = sealed(alice);
            char last = original.charAt(original.length() - 3);
            setSealed(
                    alice,
                    original.substring(0, original.length() - 3)
                            + (last == 'A' ? 'B' : 'A')
                            + original.substring(original.length() - 2));
            assertThatThrownBy(() -> security.verifyTotp(alice.id(), "123456")).isInstanceOf(AgentStoreException.class);
            assertThat(security.events(SecurityEventType.TOTP_REJECTED, Instant.EPOCH, 10))
                    .filteredOn(e -> e.severity().equals("critical"))
                    .hasSize(2);
        }
    }

    private Credential enrolled(SecurityRepository security, String name) {
        Credential credential = security.createCredential(new NewCredential(name, name + "@example.com", PASSWORD));
        TotpAuthenticator secret = TotpAuthenticator.of(
                security.enrollTotp(credential.id()).secret().reveal());
        assertThat(security.confirmTotp(credential.id(), code(secret))).isTrue();
        secrets.put(credential.id(), secret);
        return credential;
    }

    private String code(TotpAuthenticator secret) {
        return secret.codeAt(clock.instant());
    }

    /** This database's configuration with one more encryption key. */
    private StoreConfigBuilder keys(String id, String key) {
        return database.storeConfig().toBuilder().migrateOnOpen(true).set("encryption.key." + id, key);
    }

    private AgentStore open(StoreConfigBuilder config) {
        return AgentStore.open(config.build(), clock);
    }

    private String sealed(Credential credential) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement select = admin.prepareStatement(
                        "select totp_secret from agentstore_security.credentials where id = ?")) {
            select.setObject(1, credential.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void setSealed(Credential credential, String value) throws SQLException {
        try (Connection admin = database.adminConnection();
                PreparedStatement update = admin.prepareStatement(
                        "update agentstore_security.credentials set totp_secret = ? where id = ?")) {
            update.setString(1, value);
            update.setObject(2, credential.id());
            update.executeUpdate();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

package dev.agentstore.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.internal.crypto.PasswordHasher;
import dev.agentstore.internal.crypto.SecretCipher;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.PasswordPolicy;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoredCredential;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hashes imported from elsewhere, or made with weaker parameters, still verify and are replaced at login. */
class HashUpgradeTest {

    @ParameterizedTest
    @CsvSource({
        "U*U, $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        "a weak argon2 hash's password, WEAK"
    })
    void should_verify_and_replace_a_legacy_hash_at_the_next_login(String password, String stored) {
        Clock clock = Clock.systemUTC();
        StoreBackend backend = new MemoryStoreProvider().open(new StoreContext(StoreConfig.defaults(), clock));
        SecurityStore store = backend.security("t");
        PasswordHasher hasher = PasswordHasher.owaspMinimum();
        String legacy = stored.equals("WEAK") ? new PasswordHasher(64, 1).hash(password) : stored;
        Instant now = clock.instant();
        Credential credential =
                new Credential(UUID.randomUUID(), "ann", "ann@example.com", false, 0, null, now, null, now, null);
        store.insertCredential(new StoredCredential(credential, legacy, null, null, 0));
        PolicySecurityRepository security = new PolicySecurityRepository(
                new dev.agentstore.internal.OpenGuard(),
                "t",
                store,
                PasswordPolicy.defaults(),
                hasher,
                SecretCipher.fromConfig(StoreConfig.defaults(), true),
                clock,
                () -> backend.auditLog("t"),
                user -> false,
                dev.agentstore.internal.observe.StoreMeters.NONE);

        assertThat(security.verifyPassword("ann", Secret.of(password), LoginContext.unknown())
                        .status())
                .isEqualTo(LoginStatus.SUCCESS);

        String upgraded = store.findCredential(credential.id()).orElseThrow().passwordHash();
        assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.needsRehash(upgraded)).isFalse();
        assertThat(security.verifyPassword("ann", Secret.of(password), LoginContext.unknown())
                        .status())
                .isEqualTo(LoginStatus.SUCCESS);
    }
}

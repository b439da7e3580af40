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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A login on a weak legacy hash verifies the old password and then writes a stronger hash of it. A password reset
 * that completes between the two must win: the rehash is written only if the stored hash is still the one
 * verified. The interleaving is forced: the backend pauses the login's write until a whole reset has run.
 */
class RehashRaceTest {
    private static final Secret OLD = Secret.of("the old password, weakly hashed");
    private static final Secret NEW = Secret.of("the new password from the reset");

    @Test
    void should_not_let_a_login_rehash_bring_back_the_password_a_reset_replaced() throws Exception {
        Clock clock = Clock.systemUTC();
        StoreBackend backend = new MemoryStoreProvider().open(new StoreContext(StoreConfig.defaults(), clock));
        SecurityStore real = backend.security("t");
        AtomicReference<Runnable> beforeNextUpdate = new AtomicReference<>();
        SecurityStore pausing = (SecurityStore) Proxy.newProxyInstance(
                SecurityStore.class.getClassLoader(), new Class<?>[] {SecurityStore.class}, (proxy, method, args) -> {
                    Runnable interleaved = method.getName().equals("update") ? beforeNextUpdate.getAndSet(null) : null;
                    if (interleaved != null) {
                        interleaved.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PolicySecurityRepository security = new PolicySecurityRepository(
                new dev.agentstore.internal.OpenGuard(),
                "t",
                pausing,
                PasswordPolicy.defaults(),
                PasswordHasher.owaspMinimum(),
                SecretCipher.fromConfig(StoreConfig.defaults(), true),
                clock,
                () -> backend.auditLog("t"),
                user -> false,
                dev.agentstore.internal.observe.StoreMeters.NONE);
        String weak = new PasswordHasher(64, 1).hash(OLD.reveal());
        Instant now = clock.instant();
        real.insertCredential(new StoredCredential(
                new Credential(UUID.randomUUID(), "ann", "ann@example.com", false, 0, null, now, null, now, null),
                weak,
                null,
                null,
                0));
        CompletableFuture<Secret> token = new CompletableFuture<>();
        security.requestPasswordReset("ann@example.com", (account, t) -> token.complete(t));
        Secret resetToken = token.get(10, TimeUnit.SECONDS);

        // The login's first update is its rehash write, after the old password was verified: the reset runs first.
        beforeNextUpdate.set(() -> {
            Thread reset = Thread.ofPlatform().start(() -> security.resetPassword(resetToken, NEW));
            try {
                reset.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(login(security, OLD).status())
                .as("verified before the reset, so this login succeeds")
                .isEqualTo(LoginStatus.SUCCESS);

        assertThat(login(security, OLD).status()).isEqualTo(LoginStatus.INVALID_CREDENTIALS);
        assertThat(login(security, NEW).status()).isEqualTo(LoginStatus.SUCCESS);
    }

    private static dev.agentstore.security.LoginResult login(PolicySecurityRepository security, Secret password) {
        return security.verifyPassword("ann", password, LoginContext.unknown());
    }
}

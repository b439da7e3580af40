package dev.agentstore.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.internal.crypto.PasswordHasher;
import dev.agentstore.internal.crypto.SecretCipher;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.PasswordPolicy;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an attacker could time is the work a call does: every refused login (unknown user, wrong password,
 * over-long password, locked account) and both kinds of reset request (known and unknown email) must make the same
 * calls to the backend, in the same order. Recorded through a proxy in front of the in-memory backend.
 */
class SameWorkTest {
    private static final Secret PASSWORD = Secret.of("correct horse battery staple");

    private final List<String> calls = new ArrayList<>();
    private PolicySecurityRepository security;

    @BeforeEach
    void open() {
        Clock clock = Clock.systemUTC();
        StoreBackend backend = new MemoryStoreProvider().open(new StoreContext(StoreConfig.defaults(), clock));
        SecurityStore real = backend.security("t");
        SecurityStore recording = (SecurityStore) Proxy.newProxyInstance(
                SecurityStore.class.getClassLoader(), new Class<?>[] {SecurityStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        security = new PolicySecurityRepository(
                new dev.agentstore.internal.OpenGuard(),
                "t",
                recording,
                PasswordPolicy.defaults(),
                PasswordHasher.owaspMinimum(),
                SecretCipher.fromConfig(StoreConfig.defaults(), true),
                clock,
                () -> backend.auditLog("t"),
                user -> false,
                dev.agentstore.internal.observe.StoreMeters.NONE);
        security.createCredential(new NewCredential("alice", "alice@example.com", PASSWORD));
        security.createCredential(new NewCredential("bob", "bob@example.com", PASSWORD));
        for (int i = 0; i < 10; i++) {
            login("bob", Secret.of("a wrong password " + i));
        }
    }

    @Test
    void should_make_the_same_backend_calls_for_every_refused_login() {
        List<String> unknown = recorded(() -> login("nobody", PASSWORD));
        List<String> wrong = recorded(() -> login("alice", Secret.of("a wrong password")));
        List<String> overLong = recorded(() -> login("alice", Secret.of("y".repeat(5_000))));
        List<String> locked = recorded(() -> login("bob", PASSWORD));

        assertThat(unknown).containsExactly("updateByUsername", "insertLoginAttempt");
        assertThat(wrong).isEqualTo(unknown);
        assertThat(overLong).isEqualTo(unknown);
        assertThat(locked).isEqualTo(unknown);
    }

    @Test
    void should_make_the_same_backend_calls_for_a_reset_request_of_a_known_and_an_unknown_email() {
        List<String> known = recorded(() -> security.requestPasswordReset("alice@example.com", (a, t) -> {}));
        List<String> unknown = recorded(() -> security.requestPasswordReset("nobody@example.com", (a, t) -> {}));

        assertThat(known).containsExactly("issueResetToken", "insertEvent");
        assertThat(unknown).isEqualTo(known);
    }

    private LoginResult login(String username, Secret password) {
        return security.verifyPassword(username, password, LoginContext.unknown());
    }

    private List<String> recorded(Runnable call) {
        calls.clear();
        call.run();
        return List.copyOf(calls);
    }
}

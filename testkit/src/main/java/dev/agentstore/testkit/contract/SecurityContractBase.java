package dev.agentstore.testkit.contract;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the security contract suites share: a store's security repository, a first account and a login helper. */
public abstract class SecurityContractBase extends StoreContract {
    /** The password {@link #alice()} is created with: long enough for the default policy. */
    protected static final Secret PASSWORD = Secret.of("correct horse battery staple");
    /** Where the suites' logins come from. */
    protected static final LoginContext FROM = new LoginContext("203.0.113.7", "test-agent");

    /** The store's security repository. */
    protected SecurityRepository repo() {
        return store.security();
    }

    /** Creates the account {@code alice} with {@link #PASSWORD}. */
    protected Credential alice() {
        return repo().createCredential(new NewCredential("alice", "alice@example.com", PASSWORD));
    }

    /** Checks {@code user}'s password, from {@link #FROM}. */
    protected LoginResult login(String user, Secret password) {
        return repo().verifyPassword(user, password, FROM);
    }

    /**
     * Asks for a password reset of {@code email} and waits up to {@code millis} for the token delivered (deliveries
     * run after the call returns); null when none came.
     */
    protected Secret requestReset(String email, long millis) {
        CompletableFuture<Secret> delivered = new CompletableFuture<>();
        repo().requestPasswordReset(email, (account, token) -> {
            if (account.email().equalsIgnoreCase(email)) {
                delivered.complete(token);
            } else {
                delivered.completeExceptionally(new AssertionError("delivered to " + account.email()));
            }
        });
        try {
            return delivered.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /** The reset token delivered for a known {@code email}, waiting up to ten seconds for it. */
    protected Secret requestReset(String email) {
        Secret token = requestReset(email, 10_000);
        if (token == null) {
            throw new AssertionError("no reset token was delivered for " + email);
        }
        return token;
    }
}

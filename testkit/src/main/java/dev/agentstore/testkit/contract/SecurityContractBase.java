package dev.agentstore.testkit.contract;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;

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
}

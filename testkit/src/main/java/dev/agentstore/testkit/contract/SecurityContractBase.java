package dev.agentstore.testkit.contract;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;

/** What the security contract suites share: a store's security repository, a first account and a login helper. */
public abstract class SecurityContractBase extends StoreContract {
    protected static final Secret PASSWORD = Secret.of("correct horse battery staple");
    protected static final LoginContext FROM = new LoginContext("203.0.113.7", "test-agent");

    protected SecurityRepository repo() {
        return store.security();
    }

    protected Credential alice() {
        return repo().createCredential(new NewCredential("alice", "alice@example.com", PASSWORD));
    }

    protected LoginResult login(String user, Secret password) {
        return repo().verifyPassword(user, password, FROM);
    }
}

package dev.agentstore.testkit.contract;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.MutableClock;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every contract suite: opens a store with a {@link MutableClock} before each test and scopes it to a
 * fresh tenant, so each test starts empty; {@link #otherTenant()} gives a second tenant for isolation checks.
 */
public abstract class StoreContract {
    /** The clock the store uses; tests move it to expire things. */
    protected MutableClock clock;

    /** The store scoped to this test's tenant. */
    protected AgentStore store;

    private AgentStore root;

    /** Opens the backend under test with the given clock. Called once per test. */
    protected abstract AgentStore openStore(Clock clock);

    @BeforeEach
    void openFreshTenant() {
        clock = MutableClock.startingNow();
        root = openStore(clock);
        store = root.forTenant("t-" + UUID.randomUUID());
    }

    @AfterEach
    void closeStore() {
        if (root != null) {
            root.close();
        }
    }

    /** The root store, for store-wide operations such as metrics retention. */
    protected AgentStore root() {
        return root;
    }

    /** The same store scoped to another fresh tenant. */
    protected AgentStore otherTenant() {
        return root.forTenant("t-" + UUID.randomUUID());
    }
}

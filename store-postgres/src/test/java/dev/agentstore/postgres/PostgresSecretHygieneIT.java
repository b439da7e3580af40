package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.SecretHygieneContract;
import java.time.Clock;

class PostgresSecretHygieneIT extends SecretHygieneContract {
    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(PostgresTestDatabase.shared().storeConfig(), clock);
    }
}

package dev.agentstore.springai;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.MigratedPostgres;

/** The agentstore backends the adapters are proven on: the in-memory default and PostgreSQL with pgvector. */
final class TestStores {
    private static AgentStore memory;
    private static AgentStore postgres;

    private TestStores() {}

    /** One in-memory store per JVM. */
    static synchronized AgentStore memory() {
        if (memory == null) {
            memory = AgentStore.inMemory();
        }
        return memory;
    }

    /** One store per JVM on the shared migrated PostgreSQL database (store-postgres and vector-pgvector). */
    static synchronized AgentStore postgres() {
        if (postgres == null) {
            postgres = AgentStore.open(MigratedPostgres.shared().storeConfig());
        }
        return postgres;
    }
}

package dev.agentstore.postgres;

import dev.agentstore.StoreConfig;
import dev.agentstore.postgres.internal.PostgresBackend;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The PostgreSQL provider ({@code postgres}): conversations, agent runs, feedback, agents, models, metrics and the response cache in the
 * configured schema, and security in a schema of its own, with row-level security per tenant. Configured when
 * {@code postgres.url} is set. Found by {@link java.util.ServiceLoader}.
 */
public final class PostgresStoreProvider implements StoreProvider {
    /** The provider id, {@code postgres}. */
    public static final String ID = "postgres";

    /** Creates the provider. */
    public PostgresStoreProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String artifact() {
        return "dev.agentstore:agentstore-store-postgres";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(
                Capability.CONVERSATIONS,
                Capability.RUNS,
                Capability.FEEDBACK,
                Capability.AGENTS,
                Capability.MEMORY_BLOCKS,
                Capability.CHECKPOINTS,
                Capability.API_USAGE,
                Capability.ERROR_LOG,
                Capability.AUDIT_LOG,
                Capability.MODELS,
                Capability.METRICS,
                Capability.SECURITY,
                Capability.RESPONSE_CACHE);
    }

    /** A durable response cache, which gives way to a configured Redis. */
    @Override
    public Set<Capability> yieldingCapabilities() {
        return EnumSet.of(Capability.RESPONSE_CACHE);
    }

    /** The {@code postgres.*} settings ({@link PostgresSettings#DECLARED}). */
    @Override
    public List<Setting<?>> settings() {
        return PostgresSettings.DECLARED;
    }

    @Override
    public boolean isConfigured(StoreConfig config) {
        return PostgresSettings.isConfigured(config);
    }

    /** Also when the application gave the store its own {@code DataSource}. */
    @Override
    public boolean isConfigured(StoreContext context) {
        return PostgresSettings.isConfigured(context);
    }

    @Override
    public StoreBackend open(StoreContext context) {
        return new PostgresBackend(context);
    }
}

package dev.agentstore.pgvector;

import dev.agentstore.StoreConfig;
import dev.agentstore.pgvector.internal.PgvectorBackend;
import dev.agentstore.pgvector.internal.PgvectorSettings;
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
 * The pgvector provider ({@code pgvector}): vector collections in PostgreSQL with the pgvector extension, on
 * the same pool as store-postgres, with row-level security per tenant. Configured when {@code postgres.url} is
 * set. Found by {@link java.util.ServiceLoader}.
 */
public final class PgvectorStoreProvider implements StoreProvider {
    /** The provider id, {@code pgvector}. */
    public static final String ID = "pgvector";

    /** Creates the provider. */
    public PgvectorStoreProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String artifact() {
        return "dev.agentstore:agentstore-vector-pgvector";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VECTORS);
    }

    /** The {@code pgvector.*} settings and the {@code postgres.*} ones it shares with store-postgres. */
    @Override
    public List<Setting<?>> settings() {
        return PgvectorSettings.DECLARED;
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
        return new PgvectorBackend(context);
    }
}

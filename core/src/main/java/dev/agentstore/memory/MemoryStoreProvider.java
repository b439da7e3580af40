package dev.agentstore.memory;

import dev.agentstore.StoreConfig;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.util.EnumSet;
import java.util.Set;

/** Serves every capability from memory; chosen for whatever no other provider is configured to serve. */
public final class MemoryStoreProvider implements StoreProvider {
    /** The provider id, {@code memory}. */
    public static final String ID = "memory";

    /** Creates the provider. */
    public MemoryStoreProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String artifact() {
        return "dev.agentstore:agentstore-core";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /** Never "configured": it is the fallback, or chosen by name with {@code provider.<capability>=memory}. */
    @Override
    public boolean isConfigured(StoreConfig config) {
        return false;
    }

    @Override
    public StoreBackend open(StoreContext context) {
        StoreConfig config = context.config();
        return new MemoryBackend(
                context.clock(), config.contextCacheSize(), config.contextCacheTtl(), config.idempotencyKeyTtl());
    }
}

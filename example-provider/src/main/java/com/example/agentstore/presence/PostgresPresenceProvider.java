package com.example.agentstore.presence;

import dev.agentstore.StoreConfig;
import dev.agentstore.postgres.spi.PostgresSettings;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.Setting;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Serves presence from PostgreSQL when {@code postgres.url} is set and {@code example-presence.enabled} is not
 * false. Found by {@link java.util.ServiceLoader} through {@code META-INF/services}; cheap to construct.
 */
public final class PostgresPresenceProvider implements StoreProvider {
    /** This provider's id, for {@code provider.presence}. */
    public static final String ID = "example-presence";

    /** {@code example-presence.enabled}. */
    public static final Setting<Boolean> ENABLED = Setting.flag(
            "example-presence.enabled",
            true,
            "serve presence from PostgreSQL (the example provider) when `postgres.url` is set");

    /** {@code example-presence.sweep-after}. */
    public static final Setting<java.time.Duration> SWEEP_AFTER = Setting.duration(
            "example-presence.sweep-after",
            java.time.Duration.ofMinutes(10),
            "how long expired presence rows stay before a write of their scope deletes them");

    /** Creates the provider. */
    public PostgresPresenceProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String artifact() {
        return "dev.agentstore:agentstore-example-provider";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRESENCE);
    }

    /** Its own keys and the {@code postgres.*} keys the shared helpers read. */
    @Override
    public List<Setting<?>> settings() {
        List<Setting<?>> settings = new ArrayList<>(PostgresSettings.DECLARED);
        settings.add(ENABLED);
        settings.add(SWEEP_AFTER);
        return settings;
    }

    @Override
    public boolean isConfigured(StoreConfig config) {
        return PostgresSettings.isConfigured(config) && ENABLED.read(config);
    }

    @Override
    public StoreBackend open(StoreContext context) {
        return new PostgresPresenceBackend(context, SWEEP_AFTER.read(context.config()));
    }
}

package dev.agentstore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@link StoreConfig}; not thread-safe. Validation happens in {@link #build()}. */
public final class StoreConfigBuilder {
    private final Map<String, String> properties;

    StoreConfigBuilder(Map<String, String> initial) {
        this.properties = new LinkedHashMap<>(initial);
    }

    /**
     * Sets any key: one of core's ({@link dev.agentstore.spi.CoreSettings}) or one a provider declares (e.g.
     * {@code postgres.url}, {@code redis.url}). A null value removes the key.
     */
    public StoreConfigBuilder set(String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, value);
        }
        return this;
    }

    /** Sets the tenant of the unscoped view. */
    public StoreConfigBuilder defaultTenant(String tenant) {
        return set("default-tenant", tenant);
    }

    /** Whether to migrate on open. */
    public StoreConfigBuilder migrateOnOpen(boolean migrate) {
        return set("migrate-on-open", Boolean.toString(migrate));
    }

    /** Sets the connect and call timeout. */
    public StoreConfigBuilder timeout(Duration timeout) {
        return set("timeout", timeout.toString());
    }

    /** Names the provider for a capability key such as {@code vectors}. */
    public StoreConfigBuilder provider(String capability, String providerId) {
        return set("provider." + capability, providerId);
    }

    /** Sets a secret key, such as a password, from a {@link Secret}; null removes the key. */
    public StoreConfigBuilder setSecret(String key, Secret value) {
        return set(key, value == null ? null : value.reveal());
    }

    /** Adds a Base64 AES-256 key for secrets at rest and makes it the active one. */
    public StoreConfigBuilder encryptionKey(String keyId, Secret base64Key) {
        set("encryption.key." + keyId, base64Key.reveal());
        return set("encryption.active-key", keyId);
    }

    /** The checked configuration. */
    public StoreConfig build() {
        return new StoreConfig(properties);
    }
}

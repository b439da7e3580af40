package dev.agentstore.spi;

import dev.agentstore.StoreConfig;
import java.util.List;
import java.util.Set;

/**
 * A backend, as {@link java.util.ServiceLoader} finds it. Implementations need a public no-argument
 * constructor and must be cheap to construct: nothing connects before {@link #open}.
 */
public interface StoreProvider {

    /** A short unique id, e.g. {@code "postgres"}, used in configuration and messages. */
    String id();

    /** The Maven coordinates users add to get this provider, for error messages. */
    String artifact();

    /** What this provider can serve. */
    Set<Capability> capabilities();

    /**
     * Capabilities this provider gives way on: when another configured provider serves one of them too, that one
     * is chosen without asking the configuration to decide (for example, PostgreSQL's durable response cache
     * yields to Redis when both are configured). A subset of {@link #capabilities()}; none by default.
     */
    default Set<Capability> yieldingCapabilities() {
        return Set.of();
    }

    /**
     * The settings this provider reads, with their types, defaults and descriptions. Core refuses, at open, any key
     * that neither core ({@link CoreSettings}) nor a provider on the class path declares, and any value a
     * declaration refuses. A provider reads its settings once, in {@link #open}, into a typed record. A provider
     * built on another module's helpers declares the keys those read too (vector-pgvector lists the {@code
     * postgres.*} keys); one key declared by several providers must be declared alike. None by default.
     */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /** Whether {@code config} asks for this provider (for example, a PostgreSQL URL is set). */
    boolean isConfigured(StoreConfig config);

    /**
     * Whether this provider should serve when nothing names a provider, given also the resources the application
     * hands the store ({@link StoreContext#resource}): a provider that can run on the application's own client (a
     * {@code DataSource}, a Redis client) answers true when one is given. By default {@link
     * #isConfigured(StoreConfig)}.
     */
    default boolean isConfigured(StoreContext context) {
        return isConfigured(context.config());
    }

    /**
     * Connects. Called once per store; the result serves all tenants. Throws
     * {@link dev.agentstore.StoreUnavailableException} or {@link dev.agentstore.ConfigurationException}.
     */
    StoreBackend open(StoreContext context);
}

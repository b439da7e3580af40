package dev.agentstore.spi;

import dev.agentstore.StoreConfig;
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

    /** Whether {@code config} asks for this provider (for example, a PostgreSQL URL is set). */
    boolean isConfigured(StoreConfig config);

    /**
     * Connects. Called once per store; the result serves all tenants. Throws
     * {@link dev.agentstore.StoreUnavailableException} or {@link dev.agentstore.ConfigurationException}.
     */
    StoreBackend open(StoreContext context);
}

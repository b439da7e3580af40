/**
 * The service-provider interface for backends. A backend jar registers one {@link dev.agentstore.spi.StoreProvider}
 * in {@code META-INF/services/dev.agentstore.spi.StoreProvider}; {@link dev.agentstore.AgentStore#open}
 * finds it with {@link java.util.ServiceLoader} and routes each {@link dev.agentstore.spi.Capability} to exactly
 * one provider. Backends only store and fetch: validation, ids, hashing and tenant scoping happen in core.
 *
 * <p>Null rule: as in the API packages.
 */
package dev.agentstore.spi;

/**
 * The service-provider interface for backends. A backend jar registers one {@link dev.agentstore.spi.StoreProvider}
 * in {@code META-INF/services/dev.agentstore.spi.StoreProvider}; {@link dev.agentstore.AgentStore#open}
 * finds it with {@link java.util.ServiceLoader} and routes each {@link dev.agentstore.spi.Capability} to exactly
 * one provider. Backends only store and fetch: validation, ids, hashing and tenant scoping happen in core.
 *
 * <p>Everything here is a supported API for provider authors, versioned like the public API: besides the provider
 * and backend interfaces, the rules every backend must apply alike (cursors and pages: {@link
 * dev.agentstore.spi.Pages}, {@link dev.agentstore.spi.Cursors}, {@link dev.agentstore.spi.TimeKey}, {@link
 * dev.agentstore.spi.AgentPositions}; the context-window rule: {@link dev.agentstore.spi.ContextWindowPolicy}; the
 * shapes stored records take: {@link dev.agentstore.spi.StoredMessages}, {@link dev.agentstore.spi.LoggedEntries};
 * the wording of refused transitions: {@link dev.agentstore.spi.RunTransitions}, {@link
 * dev.agentstore.spi.DocumentIngestion}; ranking: {@link dev.agentstore.spi.TextMatch}, {@link
 * dev.agentstore.spi.ReciprocalRankFusion}; the tenant id rule: {@link dev.agentstore.spi.TenantIds}). A provider
 * needs nothing from a package named {@code internal}, in core or in another module.
 *
 * <p>Null rule: as in the API packages.
 */
package dev.agentstore.spi;

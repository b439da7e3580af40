package dev.agentstore.spring.boot;

import dev.agentstore.AgentStoreBuilder;

/**
 * Adjusts the {@link AgentStoreBuilder} the starter opens the application's store with: every bean of this type is
 * applied, in {@link org.springframework.core.annotation.Order} order, before the store opens. The starter registers
 * one that passes the application's Micrometer registry; add one for a clock or a provider built in code.
 */
@FunctionalInterface
public interface AgentstoreBuilderCustomizer {

    /** Adjusts {@code builder}. */
    void customize(AgentStoreBuilder builder);
}

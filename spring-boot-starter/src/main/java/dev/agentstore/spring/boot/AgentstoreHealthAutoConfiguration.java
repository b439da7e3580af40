package dev.agentstore.spring.boot;

import dev.agentstore.AgentStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers an {@link AgentstoreHealthIndicator} for the application's {@link AgentStore} when Spring Boot's health
 * support is present (it comes with Actuator). Switched off by {@code management.health.agentstore.enabled=false}.
 */
@AutoConfiguration(after = AgentstoreAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AgentStore.class)
@ConditionalOnEnabledHealthIndicator("agentstore")
public class AgentstoreHealthAutoConfiguration {
    /** Creates the auto-configuration; Spring Boot does this. */
    public AgentstoreHealthAutoConfiguration() {}

    /** The indicator, named {@code agentstore} after this bean. */
    @Bean
    @ConditionalOnMissingBean(name = "agentstoreHealthIndicator")
    public AgentstoreHealthIndicator agentstoreHealthIndicator(AgentStore store) {
        return new AgentstoreHealthIndicator(store);
    }
}

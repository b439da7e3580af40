package dev.agentstore.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Passes the application's Micrometer {@link MeterRegistry} (Actuator's, or any registry bean) to the store, so its
 * operation timers, counters and pool meters appear with the application's own. Without Micrometer on the class
 * path, or without a registry bean, the store records nothing.
 */
@AutoConfiguration(before = AgentstoreAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
public class AgentstoreMetricsAutoConfiguration {
    /** Creates the auto-configuration; Spring Boot does this. */
    public AgentstoreMetricsAutoConfiguration() {}

    /** Hands the registry, when there is one by the time the store opens, to the store's builder. */
    @Bean
    @ConditionalOnMissingBean(name = "agentstoreMeterRegistryCustomizer")
    public AgentstoreBuilderCustomizer agentstoreMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registry) {
        return builder -> registry.ifUnique(builder::meterRegistry);
    }
}

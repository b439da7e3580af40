package dev.agentstore.spring.boot;

import dev.agentstore.AgentStore;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health of an {@link AgentStore} as Spring Boot reports it: {@code UP} when every backend is up, {@code DOWN}
 * otherwise, with one detail per backend (its provider id and status line, {@code up} or {@code down: reason}, never
 * a secret) and the backends' own {@link dev.agentstore.Health#details() details}, which never make it down (such as
 * {@code postgres.replica-1: in use, 0.1 s behind}). Shown as {@code agentstore} under Actuator's {@code
 * /actuator/health}.
 */
public final class AgentstoreHealthIndicator extends AbstractHealthIndicator {
    private final AgentStore store;

    /** An indicator reporting {@code store}'s backends. */
    public AgentstoreHealthIndicator(AgentStore store) {
        super("agentstore health check failed");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        dev.agentstore.Health health = store.health();
        Map<String, String> components = health.components();
        builder.status(health.isUp() ? Status.UP : Status.DOWN)
                .withDetails(components)
                .withDetails(health.details());
    }
}

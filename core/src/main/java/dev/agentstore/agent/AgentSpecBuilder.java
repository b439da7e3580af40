package dev.agentstore.agent;

import java.util.Map;
import java.util.UUID;

/** Builds an {@link AgentSpec}; {@link #build()} checks every value. Not thread-safe. */
public final class AgentSpecBuilder {
    private final UUID ownerId;
    private String name;
    private String model;
    private String description;
    private Double temperature;
    private String systemPrompt;
    private String welcomeMessage;
    private boolean publicAgent;
    private boolean active = true;
    private AgentStatus status = AgentStatus.DRAFT;
    private Map<String, ?> configuration = Map.of();

    AgentSpecBuilder(UUID ownerId, String name, String model) {
        this.ownerId = ownerId;
        this.name = name;
        this.model = model;
    }

    /** Renames it. */
    public AgentSpecBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** Moves it to another model. */
    public AgentSpecBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** Describes it (null for none). */
    public AgentSpecBuilder description(String value) {
        this.description = value;
        return this;
    }

    /** Sets the sampling temperature, 0 to 2 (null for the model's default). */
    public AgentSpecBuilder temperature(Double value) {
        this.temperature = value;
        return this;
    }

    /** Sets the system prompt (null for none). */
    public AgentSpecBuilder systemPrompt(String value) {
        this.systemPrompt = value;
        return this;
    }

    /** Sets the first message it says (null for none). */
    public AgentSpecBuilder welcomeMessage(String value) {
        this.welcomeMessage = value;
        return this;
    }

    /** Whether users other than the owner may use it. */
    public AgentSpecBuilder publicAgent(boolean value) {
        this.publicAgent = value;
        return this;
    }

    /** Whether it may be used now. */
    public AgentSpecBuilder active(boolean value) {
        this.active = value;
        return this;
    }

    /** Sets where it is in its life. */
    public AgentSpecBuilder status(AgentStatus value) {
        this.status = value;
        return this;
    }

    /** Replaces its configuration. */
    public AgentSpecBuilder configuration(Map<String, ?> value) {
        this.configuration = value;
        return this;
    }

    /** The spec. */
    @SuppressWarnings("unchecked")
    public AgentSpec build() {
        return new AgentSpec(
                ownerId,
                name,
                description,
                model,
                temperature,
                systemPrompt,
                welcomeMessage,
                publicAgent,
                active,
                status,
                (Map<String, Object>) configuration);
    }
}

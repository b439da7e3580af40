package dev.agentstore.agent;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;
import java.util.UUID;

/**
 * What defines an agent: what {@link AgentRepository#define} stores and {@link AgentRepository#update} replaces.
 * Build one with {@link #builder(UUID, String, String)}.
 *
 * @param ownerId the user who owns it
 * @param name unique per owner
 * @param description what it does, or null
 * @param model the model it runs on
 * @param temperature sampling temperature from 0 to 2, or null for the model's default
 * @param systemPrompt its system prompt, or null
 * @param welcomeMessage what it says first, or null
 * @param publicAgent whether users other than the owner may use it
 * @param active whether it may be used now
 * @param status where it is in its life
 * @param configuration free-form settings (tools, limits, ...), empty if none
 */
public record AgentSpec(
        UUID ownerId,
        String name,
        String description,
        String model,
        Double temperature,
        String systemPrompt,
        String welcomeMessage,
        boolean publicAgent,
        boolean active,
        AgentStatus status,
        Map<String, Object> configuration) {
    /** Checks every component. */
    public AgentSpec {
        Check.id("agent.ownerId", ownerId);
        Check.name("agent.name", name);
        Check.optionalText("agent.description", description, Limits.MAX_METADATA_STRING_CHARS);
        Check.name("agent.model", model);
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new InvalidInputException("agent.temperature", "must be between 0 and 2, but was " + temperature);
        }
        Check.optionalText("agent.systemPrompt", systemPrompt, Limits.MAX_TEXT_CHARS);
        Check.optionalText("agent.welcomeMessage", welcomeMessage, Limits.MAX_TEXT_CHARS);
        Check.present("agent.status", status);
        configuration = Metadata.copyOf("agent.configuration", configuration);
    }

    /** Starts a private, active draft of an agent on {@code model}. */
    public static AgentSpecBuilder builder(UUID ownerId, String name, String model) {
        return new AgentSpecBuilder(ownerId, name, model);
    }

    /** A builder holding this spec's values, to change some of them. */
    public AgentSpecBuilder toBuilder() {
        return new AgentSpecBuilder(ownerId, name, model)
                .description(description)
                .temperature(temperature)
                .systemPrompt(systemPrompt)
                .welcomeMessage(welcomeMessage)
                .publicAgent(publicAgent)
                .active(active)
                .status(status)
                .configuration(configuration);
    }
}

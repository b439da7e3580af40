package dev.agentstore.run;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;
import java.util.UUID;

/**
 * A run to create.
 *
 * @param userId the user it runs for
 * @param conversationId the conversation it runs in, or null
 * @param agentType what kind of agent runs, e.g. {@code "researcher"}
 * @param input the input as JSON-like data (depth and size limited like metadata)
 * @param metadata free-form data
 */
public record NewRun(
        UUID userId, UUID conversationId, String agentType, Map<String, Object> input, Map<String, Object> metadata) {
    /** Checks and copies the components. */
    public NewRun {
        Check.id("run.userId", userId);
        Check.name("run.agentType", agentType);
        input = Metadata.copyOf("run.input", input);
        metadata = Metadata.copyOf("run.metadata", metadata);
    }

    /** A run of {@code agentType} for a user, outside any conversation, with no input yet. */
    public static NewRun of(UUID userId, String agentType) {
        return new NewRun(userId, null, agentType, Map.of(), Map.of());
    }

    /** This run within a conversation. */
    public NewRun inConversation(UUID conversation) {
        return new NewRun(userId, Check.id("run.conversationId", conversation), agentType, input, metadata);
    }

    /** This run with metadata. */
    public NewRun withMetadata(Map<String, ?> data) {
        return new NewRun(userId, conversationId, agentType, input, Metadata.copyOf("run.metadata", data));
    }

    /** This run with an input. */
    public NewRun withInput(Map<String, ?> data) {
        return new NewRun(userId, conversationId, agentType, Metadata.copyOf("run.input", data), metadata);
    }
}

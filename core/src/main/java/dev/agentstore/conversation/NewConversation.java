package dev.agentstore.conversation;

import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;
import java.util.UUID;

/**
 * A conversation to create with {@link ConversationRepository#createConversation}.
 *
 * @param userId the user who owns it
 * @param sessionId the session it started in, or null
 * @param agentId the agent ({@link dev.agentstore.AgentStore#agents()}) it runs under, or null
 * @param title a title, or null
 * @param modelOverride the model to use instead of the application's default, or null
 * @param metadata free-form data, empty if none
 */
public record NewConversation(
        UUID userId, UUID sessionId, UUID agentId, String title, String modelOverride, Map<String, Object> metadata) {
    /** Checks every component and copies the metadata. */
    public NewConversation {
        Check.id("conversation.userId", userId);
        Check.optionalName("conversation.title", title);
        Check.optionalName("conversation.modelOverride", modelOverride);
        metadata = Metadata.copyOf("conversation.metadata", metadata);
    }

    /** A conversation for {@code userId} with nothing else set. */
    public static NewConversation forUser(UUID userId) {
        return new NewConversation(userId, null, null, null, null, Map.of());
    }

    /** This conversation within a session. */
    public NewConversation inSession(UUID session) {
        return new NewConversation(userId, session, agentId, title, modelOverride, metadata);
    }

    /** This conversation with a title. */
    public NewConversation withTitle(String newTitle) {
        return new NewConversation(userId, sessionId, agentId, newTitle, modelOverride, metadata);
    }

    /** This conversation with a model override. */
    public NewConversation withModelOverride(String model) {
        return new NewConversation(userId, sessionId, agentId, title, model, metadata);
    }

    /** This conversation with metadata. */
    public NewConversation withMetadata(Map<String, ?> data) {
        return new NewConversation(
                userId, sessionId, agentId, title, modelOverride, Metadata.copyOf("conversation.metadata", data));
    }

    /** This conversation run under an agent. */
    public NewConversation underAgent(UUID agent) {
        return new NewConversation(
                userId, sessionId, Check.id("conversation.agentId", agent), title, modelOverride, metadata);
    }
}

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
 * @param externalKey the caller's own key for it (an agent framework's memory id, say), unique per tenant and found
 *     again with {@link ConversationRepository#findConversationByKey}, or null
 * @param id the id to give it (a UUID the caller already uses), or null for a new time-ordered one
 */
public record NewConversation(
        UUID userId,
        UUID sessionId,
        UUID agentId,
        String title,
        String modelOverride,
        Map<String, Object> metadata,
        String externalKey,
        UUID id) {
    /** Checks every component and copies the metadata. */
    public NewConversation {
        Check.id("conversation.userId", userId);
        Check.optionalName("conversation.title", title);
        Check.optionalName("conversation.modelOverride", modelOverride);
        metadata = Metadata.copyOf("conversation.metadata", metadata);
        Check.optionalName("conversation.externalKey", externalKey);
    }

    /** A conversation for {@code userId} with nothing else set. */
    public static NewConversation forUser(UUID userId) {
        return new NewConversation(userId, null, null, null, null, Map.of(), null, null);
    }

    /** This conversation within a session. */
    public NewConversation inSession(UUID session) {
        return new NewConversation(userId, session, agentId, title, modelOverride, metadata, externalKey, id);
    }

    /** This conversation with a title. */
    public NewConversation withTitle(String newTitle) {
        return new NewConversation(userId, sessionId, agentId, newTitle, modelOverride, metadata, externalKey, id);
    }

    /** This conversation with a model override. */
    public NewConversation withModelOverride(String model) {
        return new NewConversation(userId, sessionId, agentId, title, model, metadata, externalKey, id);
    }

    /** This conversation with metadata. */
    public NewConversation withMetadata(Map<String, ?> data) {
        return new NewConversation(
                userId,
                sessionId,
                agentId,
                title,
                modelOverride,
                Metadata.copyOf("conversation.metadata", data),
                externalKey,
                id);
    }

    /** This conversation run under an agent. */
    public NewConversation underAgent(UUID agent) {
        return new NewConversation(
                userId,
                sessionId,
                Check.id("conversation.agentId", agent),
                title,
                modelOverride,
                metadata,
                externalKey,
                id);
    }

    /** This conversation addressed by the caller's {@code key}, unique per tenant. */
    public NewConversation withKey(String key) {
        return new NewConversation(
                userId,
                sessionId,
                agentId,
                title,
                modelOverride,
                metadata,
                Check.name("conversation.externalKey", key),
                id);
    }

    /** This conversation with the caller's id instead of a new one. */
    public NewConversation withId(UUID conversationId) {
        return new NewConversation(
                userId,
                sessionId,
                agentId,
                title,
                modelOverride,
                metadata,
                externalKey,
                Check.id("conversation.id", conversationId));
    }
}

package dev.agentstore.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored conversation (thread).
 *
 * @param id the conversation's id
 * @param userId the owner
 * @param sessionId the session it started in, or null
 * @param agentId the agent it runs under, or null (also once that agent is deleted)
 * @param title the title, or null
 * @param status active, archived or deleted
 * @param modelOverride the model to use instead of the default, or null
 * @param summary a running summary of older messages, or null
 * @param metadata free-form data, unmodifiable
 * @param version increases by one with every {@link ConversationRepository#updateConversation}; starts at 1
 * @param createdAt when it was created
 * @param updatedAt when its fields last changed (appending messages does not count)
 * @param externalKey the caller's key for it ({@link NewConversation#withKey}), or null
 * @param memoryWindow the part of its history an agent framework holds in its chat memory ({@link MemoryWindow#ALL}
 *     until {@link ConversationRepository#appendToMemory} moves it)
 * @param lastActivityAt when its last message was appended, or its creation time before the first
 * @param endedAt when it last left {@link ConversationStatus#ACTIVE} (archived or deleted), or null while active
 * @param deletedAt when it was soft-deleted ({@link ConversationStatus#DELETED}), or null if it is not
 */
public record Conversation(
        UUID id,
        UUID userId,
        UUID sessionId,
        UUID agentId,
        String title,
        ConversationStatus status,
        String modelOverride,
        String summary,
        Map<String, Object> metadata,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String externalKey,
        MemoryWindow memoryWindow,
        Instant lastActivityAt,
        Instant endedAt,
        Instant deletedAt) {}

package dev.agentstore.memory;

import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.NewConversation;
import java.time.Instant;
import java.util.UUID;

/** The conversation records the in-memory repository stores: created, updated, and changed one field at a time. */
final class ConversationRecords {
    private ConversationRecords() {}

    static Conversation created(NewConversation c, UUID id, Instant now) {
        return new Conversation(
                id,
                c.userId(),
                c.sessionId(),
                c.agentId(),
                c.title(),
                ConversationStatus.ACTIVE,
                c.modelOverride(),
                null,
                c.metadata(),
                1,
                now,
                now,
                c.externalKey(),
                MemoryWindow.ALL,
                now,
                null,
                null);
    }

    /** An imported conversation as stored: active, at version 1, active since its last message. */
    static Conversation imported(ImportedConversation c) {
        return new Conversation(
                c.id(),
                c.userId(),
                null,
                null,
                c.title(),
                ConversationStatus.ACTIVE,
                null,
                null,
                c.metadata(),
                1,
                c.createdAt(),
                c.createdAt(),
                c.externalKey(),
                MemoryWindow.ALL,
                c.lastActivityAt(),
                null,
                null);
    }

    /**
     * {@code c} with the update's fields, the next version, and the status times moved as the status does: leaving
     * ACTIVE sets the end time, coming back clears it; becoming DELETED sets the deletion time, leaving DELETED
     * clears it.
     */
    static Conversation updated(Conversation c, ConversationUpdate u, Instant now) {
        ConversationStatus status = or(u.status(), c.status());
        Instant endedAt = status == ConversationStatus.ACTIVE ? null : or(c.endedAt(), now);
        Instant deletedAt = status == ConversationStatus.DELETED ? or(c.deletedAt(), now) : null;
        return new Conversation(
                c.id(),
                c.userId(),
                c.sessionId(),
                c.agentId(),
                or(u.title(), c.title()),
                status,
                or(u.modelOverride(), c.modelOverride()),
                or(u.summary(), c.summary()),
                or(u.metadata(), c.metadata()),
                c.version() + 1,
                c.createdAt(),
                now,
                c.externalKey(),
                c.memoryWindow(),
                c.lastActivityAt(),
                endedAt,
                deletedAt);
    }

    static Conversation withMemoryWindow(Conversation c, MemoryWindow window) {
        return new Conversation(
                c.id(),
                c.userId(),
                c.sessionId(),
                c.agentId(),
                c.title(),
                c.status(),
                c.modelOverride(),
                c.summary(),
                c.metadata(),
                c.version(),
                c.createdAt(),
                c.updatedAt(),
                c.externalKey(),
                window,
                c.lastActivityAt(),
                c.endedAt(),
                c.deletedAt());
    }

    static Conversation activeAt(Conversation c, Instant at) {
        return new Conversation(
                c.id(),
                c.userId(),
                c.sessionId(),
                c.agentId(),
                c.title(),
                c.status(),
                c.modelOverride(),
                c.summary(),
                c.metadata(),
                c.version(),
                c.createdAt(),
                c.updatedAt(),
                c.externalKey(),
                c.memoryWindow(),
                at,
                c.endedAt(),
                c.deletedAt());
    }

    static Conversation withoutAgent(Conversation c) {
        return new Conversation(
                c.id(),
                c.userId(),
                c.sessionId(),
                null,
                c.title(),
                c.status(),
                c.modelOverride(),
                c.summary(),
                c.metadata(),
                c.version(),
                c.createdAt(),
                c.updatedAt(),
                c.externalKey(),
                c.memoryWindow(),
                c.lastActivityAt(),
                c.endedAt(),
                c.deletedAt());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

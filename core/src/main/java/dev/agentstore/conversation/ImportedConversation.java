package dev.agentstore.conversation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A conversation brought from another system by {@link ConversationRepository#importHistory}, with its messages in
 * order: they get sequences 1, 2, ... and the conversation becomes active at its last message's time.
 *
 * @param id its id in the system it comes from (a UUID), kept
 * @param userId its user, stored before or imported in the same call
 * @param externalKey the caller's key for it ({@link NewConversation#withKey}), or null
 * @param title its title, or null
 * @param metadata free-form data, empty if none
 * @param createdAt when it was originally started
 * @param messages its messages, oldest first, at or after {@code createdAt} and never going back in time; at most
 *     100,000
 */
public record ImportedConversation(
        UUID id,
        UUID userId,
        String externalKey,
        String title,
        Map<String, Object> metadata,
        Instant createdAt,
        List<ImportedMessage> messages) {
    /** The most messages one conversation may bring. */
    public static final int MAX_MESSAGES = 100_000;

    /** Checks every component and the order of the messages' times. */
    public ImportedConversation {
        Check.id("conversation.id", id);
        Check.id("conversation.userId", userId);
        Check.optionalName("conversation.externalKey", externalKey);
        Check.optionalName("conversation.title", title);
        metadata = Metadata.copyOf("conversation.metadata", metadata);
        Check.present("conversation.createdAt", createdAt);
        messages = List.copyOf(Check.batch("conversation.messages", messages, MAX_MESSAGES));
        Instant previous = createdAt;
        Set<UUID> ids = new HashSet<>();
        for (ImportedMessage m : messages) {
            if (m.createdAt().isBefore(previous)) {
                throw new InvalidInputException(
                        "conversation.messages",
                        "must be in time order, at or after the conversation's start; message " + m.id() + " at "
                                + m.createdAt() + " comes before " + previous);
            }
            if (!ids.add(m.id())) {
                throw new InvalidInputException("conversation.messages", "holds message id " + m.id() + " twice");
            }
            previous = m.createdAt();
        }
    }

    /** A conversation of {@code userId} started at {@code createdAt}, with its messages and nothing else set. */
    public static ImportedConversation of(UUID id, UUID userId, Instant createdAt, List<ImportedMessage> messages) {
        return new ImportedConversation(id, userId, null, null, Map.of(), createdAt, messages);
    }

    /** This conversation with the caller's key. */
    public ImportedConversation withKey(String key) {
        return new ImportedConversation(id, userId, key, title, metadata, createdAt, messages);
    }

    /** This conversation with a title. */
    public ImportedConversation withTitle(String newTitle) {
        return new ImportedConversation(id, userId, externalKey, newTitle, metadata, createdAt, messages);
    }

    /** This conversation with metadata. */
    public ImportedConversation withMetadata(Map<String, ?> data) {
        return new ImportedConversation(
                id, userId, externalKey, title, Metadata.copyOf("conversation.metadata", data), createdAt, messages);
    }

    /** When it was last active: its last message's time, or its start. */
    public Instant lastActivityAt() {
        return messages.isEmpty() ? createdAt : messages.getLast().createdAt();
    }
}

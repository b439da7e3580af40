package dev.agentstore.spi;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewMessage;
import java.time.Instant;
import java.util.UUID;

/** The message a {@link NewMessage} becomes once a backend has stored it. */
public final class StoredMessages {
    private StoredMessages() {}

    /** {@code message} as stored under {@code id} at {@code sequence} of its conversation. */
    public static Message of(NewMessage message, UUID id, UUID conversationId, long sequence, Instant createdAt) {
        return new Message(
                id,
                conversationId,
                sequence,
                message.role(),
                message.content(),
                message.toolCalls(),
                message.toolCallId(),
                message.modelId(),
                message.requestId(),
                message.runId(),
                message.tokenCount(),
                message.metadata(),
                createdAt,
                0,
                null);
    }
}

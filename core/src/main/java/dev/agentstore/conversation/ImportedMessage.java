package dev.agentstore.conversation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.time.Instant;
import java.util.UUID;

/**
 * A message brought from another system by {@link ConversationRepository#importHistory}: its content as a {@link
 * NewMessage} (with the same rules), its own id and the time it was originally sent.
 *
 * @param id the message's id in the system it comes from (a UUID), kept
 * @param createdAt when it was originally sent
 * @param message role, content, tool calls, model, token count and metadata; no run (runs are not imported)
 */
public record ImportedMessage(UUID id, Instant createdAt, NewMessage message) {
    /** Checks every component. */
    public ImportedMessage {
        Check.id("message.id", id);
        Check.present("message.createdAt", createdAt);
        Check.present("message", message);
        if (message.runId() != null) {
            throw new InvalidInputException("message.runId", "must be null in an import: runs are not imported");
        }
    }

    /** A message with its original id and time. */
    public static ImportedMessage of(UUID id, Instant createdAt, NewMessage message) {
        return new ImportedMessage(id, createdAt, message);
    }
}

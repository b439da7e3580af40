package dev.agentstore.conversation;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.Metadata;
import java.util.Map;

/**
 * Changes to a conversation, applied only if its version still equals {@link #expectedVersion()}
 * (optimistic concurrency). A null component leaves that field unchanged.
 *
 * @param expectedVersion the version the caller last read
 * @param title a new title, or null
 * @param summary a new summary, or null
 * @param status a new status, or null
 * @param modelOverride a new model override, or null
 * @param metadata new metadata replacing the old, or null
 */
public record ConversationUpdate(
        long expectedVersion,
        String title,
        String summary,
        ConversationStatus status,
        String modelOverride,
        Map<String, Object> metadata) {
    /** Checks every component. */
    public ConversationUpdate {
        Check.range("update.expectedVersion", expectedVersion, 1, Long.MAX_VALUE);
        Check.optionalName("update.title", title);
        Check.optionalText("update.summary", summary, Limits.MAX_TEXT_CHARS);
        Check.optionalName("update.modelOverride", modelOverride);
        metadata = metadata == null ? null : Metadata.copyOf("update.metadata", metadata);
    }

    /** An update that changes nothing yet, expecting {@code version}. */
    public static ConversationUpdate expecting(long version) {
        return new ConversationUpdate(version, null, null, null, null, null);
    }

    /** This update also setting the title. */
    public ConversationUpdate title(String newTitle) {
        return new ConversationUpdate(expectedVersion, newTitle, summary, status, modelOverride, metadata);
    }

    /** This update also setting the summary. */
    public ConversationUpdate summary(String newSummary) {
        return new ConversationUpdate(expectedVersion, title, newSummary, status, modelOverride, metadata);
    }

    /** This update also setting the status. */
    public ConversationUpdate status(ConversationStatus newStatus) {
        return new ConversationUpdate(expectedVersion, title, summary, newStatus, modelOverride, metadata);
    }

    /** This update also setting the model override. */
    public ConversationUpdate modelOverride(String model) {
        return new ConversationUpdate(expectedVersion, title, summary, status, model, metadata);
    }

    /** This update also replacing the metadata. */
    public ConversationUpdate metadata(Map<String, ?> data) {
        return new ConversationUpdate(
                expectedVersion, title, summary, status, modelOverride, Metadata.copyOf("update.metadata", data));
    }
}

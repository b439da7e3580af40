package dev.agentstore.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A content a message had before an edit replaced it.
 *
 * @param messageId the edited message
 * @param revision the message's {@link Message#revision} while it had this content: 0 for what was appended, then
 *     one more per edit
 * @param content the text it had
 * @param tokenCount what that text cost
 * @param replacedBy who made the edit that replaced it ({@link MessageEdit#editedBy})
 * @param replacedAt when that edit was made
 */
public record MessageRevision(
        UUID messageId, int revision, String content, int tokenCount, String replacedBy, Instant replacedAt) {
    /** Prints everything but the text, which may be what the edit meant to hide. */
    @Override
    public String toString() {
        return "MessageRevision[messageId=" + messageId + ", revision=" + revision + ", chars=" + content.length()
                + ", replacedBy=" + replacedBy + ", replacedAt=" + replacedAt + "]";
    }
}

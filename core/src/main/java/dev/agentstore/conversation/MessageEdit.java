package dev.agentstore.conversation;

import dev.agentstore.Limits;
import dev.agentstore.internal.Check;

/**
 * A new content for a stored message ({@link ConversationRepository#editMessage}); the content it replaces is kept as
 * a {@link MessageRevision}.
 *
 * @param content the new text, as {@link NewMessage#content} allows
 * @param tokenCount what the new text costs, 0 to {@link Limits#MAX_TOKENS}
 * @param editedBy who edits: a user id, an operator's name, a moderation job; 1 to 200 characters
 */
public record MessageEdit(String content, int tokenCount, String editedBy) {
    /** Checks every component. */
    public MessageEdit {
        Check.text("edit.content", content, Limits.MAX_TEXT_CHARS);
        Check.range("edit.tokenCount", tokenCount, 0, Limits.MAX_TOKENS);
        Check.text("edit.editedBy", Check.name("edit.editedBy", editedBy), 200);
    }

    /** Prints the editor and the size, never the text. */
    @Override
    public String toString() {
        return "MessageEdit[editedBy=" + editedBy + ", chars=" + content.length() + ", tokenCount=" + tokenCount + "]";
    }
}

package dev.agentstore.postgres.internal.conversation;

import dev.agentstore.conversation.Message;
import dev.agentstore.postgres.spi.RowReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows of {@link ConversationStatements#windowCandidates()} read back: the first system message, the newest other
 * messages in sequence order, and whether those are all the others. What {@link
 * dev.agentstore.spi.ContextWindowPolicy} and {@link dev.agentstore.spi.ContextAssemblyPolicy} take.
 *
 * @param system the conversation's first system message, or null
 * @param newest the candidates other than it, oldest first
 * @param whole whether the candidates reach back to the branch's first message
 */
public record WindowCandidates(Message system, List<Message> newest, boolean whole) {
    private static final int IS_SYSTEM = MessageReader.IN_CONVERSATION.size() + 1;
    private static final int OLDER = IS_SYSTEM + 1;

    /** A candidate row: the message, whether it is the first system message, the sequence of the one before it. */
    public record Row(Message message, boolean system, Long older) {}

    /** Reads the rows of a window of {@code conversationId}. */
    public static RowReader<Row> reader(UUID conversationId) {
        MessageReader messages = MessageReader.inConversation(conversationId);
        return row -> new Row(messages.read(row), row.getBoolean(IS_SYSTEM), row.getObject(OLDER, Long.class));
    }

    /** The candidates the rows stand for (none for no rows). */
    public static WindowCandidates of(List<Row> rows) {
        Row system = null;
        Row firstOther = null;
        List<Message> newest = new ArrayList<>();
        for (Row row : rows) {
            if (row.system()) {
                system = row;
            } else {
                firstOther = firstOther == null ? row : firstOther;
                newest.add(row.message());
            }
        }
        // The candidates hold every message when nothing is older than the first one but the system message, with
        // nothing older than it in turn (sequences have gaps, so only the rows' own links say so).
        boolean whole = firstOther == null
                || firstOther.older() == null
                || (system != null && firstOther.older() == system.message().sequence() && system.older() == null);
        return new WindowCandidates(system == null ? null : system.message(), newest, whole);
    }
}

package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import dev.agentstore.conversation.Conversation;
import java.time.Instant;
import java.util.UUID;

/**
 * The keyset position of a conversation in a listing by recent activity: its last activity time and, among
 * conversations active at the same instant, its id. Every backend pages that order with these cursors.
 */
public final class ConversationCursors {
    private ConversationCursors() {}

    /**
     * A position in the order by recent activity.
     *
     * @param lastActivityAt the conversation's {@link Conversation#lastActivityAt}
     * @param id its id, which breaks ties
     */
    public record ActivityPosition(Instant lastActivityAt, UUID id) {}

    /** The position string ({@link Pages#of}'s) of {@code c} in the order by recent activity. */
    public static String activity(Conversation c) {
        Instant at = c.lastActivityAt();
        return at.getEpochSecond() + "." + at.getNano() + "/" + c.id();
    }

    /** The position a cursor of that order holds. */
    public static ActivityPosition decodeActivity(String cursor) {
        String position = Cursors.decode(cursor);
        try {
            int dot = position.indexOf('.');
            int slash = position.indexOf('/');
            if (dot < 0 || slash < dot) {
                throw new IllegalArgumentException(position);
            }
            Instant at = Instant.ofEpochSecond(
                    Long.parseLong(position.substring(0, dot)), Long.parseLong(position.substring(dot + 1, slash)));
            return new ActivityPosition(at, UUID.fromString(position.substring(slash + 1)));
        } catch (RuntimeException e) {
            throw new InvalidInputException("page.cursor", "is not a cursor returned by this listing");
        }
    }
}

package dev.agentstore.postgres.internal.conversation;

import static dev.agentstore.postgres.internal.jooq.Tables.CONVERSATIONS;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * A conversation's row locked for a change of its thread (an edit, a tombstone, a fork, a switch of branch), so such
 * changes and appends to the conversation happen one after another.
 *
 * @param currentBranch the branch appends go to and reads serve
 * @param lastBranch the highest branch number forked so far
 */
record LockedConversation(int currentBranch, int lastBranch) {
    /**
     * Locks the conversation's row for the rest of {@code tx}.
     *
     * @throws NotFoundException if the tenant has no such conversation
     * @throws ConflictException if it is deleted
     */
    static LockedConversation lock(DSLContext tx, String tenant, UUID conversationId) {
        Record3<Integer, Integer, String> row = tx.select(
                        CONVERSATIONS.CURRENT_BRANCH, CONVERSATIONS.LAST_BRANCH, CONVERSATIONS.STATUS)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant), CONVERSATIONS.ID.eq(conversationId))
                .forNoKeyUpdate()
                .fetchOne();
        if (row == null) {
            throw new NotFoundException("no conversation with id " + conversationId);
        }
        if ("DELETED".equals(row.value3())) {
            throw new ConflictException("conversation " + conversationId + " is deleted and takes no changes");
        }
        return new LockedConversation(row.value1(), row.value2());
    }
}

package dev.agentstore.conversation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One call's worth of history for {@link ConversationRepository#importHistory}: users and their conversations with
 * messages, every id the caller's own.
 *
 * @param users users to store first (those already stored, by id, are skipped); at most 10,000
 * @param conversations conversations with their messages (those already stored, by id or key, are skipped whole); at
 *     most 10,000
 */
public record HistoryImport(List<ImportedUser> users, List<ImportedConversation> conversations) {
    /** The most users, and the most conversations, one call may bring. */
    public static final int MAX_ITEMS = 10_000;

    /** Checks the lists and that no id occurs twice in them. */
    public HistoryImport {
        users = List.copyOf(Check.batch("import.users", users, MAX_ITEMS));
        conversations = List.copyOf(Check.batch("import.conversations", conversations, MAX_ITEMS));
        unique("import.users", users.stream().map(ImportedUser::id).toList());
        unique(
                "import.conversations",
                conversations.stream().map(ImportedConversation::id).toList());
        unique(
                "import.conversations.messages",
                conversations.stream()
                        .flatMap(c -> c.messages().stream())
                        .map(ImportedMessage::id)
                        .toList());
    }

    /** Users and conversations to import. */
    public static HistoryImport of(List<ImportedUser> users, List<ImportedConversation> conversations) {
        return new HistoryImport(users, conversations);
    }

    /** How many messages the conversations bring. */
    public long messageCount() {
        return conversations.stream().mapToLong(c -> c.messages().size()).sum();
    }

    private static void unique(String field, List<UUID> ids) {
        Set<UUID> seen = new HashSet<>();
        for (UUID id : ids) {
            if (!seen.add(id)) {
                throw new InvalidInputException(field, "holds id " + id + " twice");
            }
        }
    }
}

package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.conversation.ImportedConversation;
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.ImportedUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One history import into a tenant's in-memory conversations, with PostgreSQL's rules: everything is checked before
 * anything is stored; users and conversations already there (by id, or a conversation by key) are skipped, a
 * conversation with all its messages. Runs under the conversations' lock.
 */
final class HistoryImporter {
    private final UserBook users;
    private final Map<UUID, Conversation> conversations;
    private final MessageLog log;

    HistoryImporter(UserBook users, Map<UUID, Conversation> conversations, MessageLog log) {
        this.users = users;
        this.conversations = conversations;
        this.log = log;
    }

    ImportReport run(HistoryImport batch) {
        Set<UUID> batchUsers = new HashSet<>();
        for (ImportedUser u : batch.users()) {
            users.checkImport(u);
            batchUsers.add(u.id());
        }
        List<ImportedConversation> fresh = fresh(batch.conversations());
        for (ImportedConversation c : fresh) {
            if (!batchUsers.contains(c.userId()) && users.find(c.userId()).isEmpty()) {
                throw new NotFoundException("no user with id " + c.userId() + " for imported conversation " + c.id());
            }
            for (ImportedMessage m : c.messages()) {
                if (log.holdsMessage(m.id())) {
                    throw new ConflictException("message id " + m.id() + " is taken by a stored message");
                }
            }
        }
        int storedUsers = 0;
        for (ImportedUser u : batch.users()) {
            if (users.addImported(u)) {
                storedUsers++;
            }
        }
        long messages = 0;
        for (ImportedConversation c : fresh) {
            conversations.put(c.id(), ConversationRecords.imported(c));
            messages += log.openImported(c.id(), c.createdAt(), c.messages());
        }
        return new ImportReport(storedUsers, fresh.size(), messages);
    }

    /** The conversations whose id and key are free, the first of the batch winning a key it repeats. */
    private List<ImportedConversation> fresh(List<ImportedConversation> batch) {
        Set<String> keys = new HashSet<>();
        for (Conversation c : conversations.values()) {
            if (c.externalKey() != null) {
                keys.add(c.externalKey());
            }
        }
        List<ImportedConversation> fresh = new ArrayList<>();
        for (ImportedConversation c : batch) {
            boolean keyFree = c.externalKey() == null || keys.add(c.externalKey());
            if (!conversations.containsKey(c.id()) && keyFree) {
                fresh.add(c);
            }
        }
        return fresh;
    }
}

package dev.agentstore.internal.context;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationBranch;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.ConversationRetentionReport;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.ImportReport;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.MessageRevision;
import dev.agentstore.conversation.MessageSearchHit;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.internal.observe.StoreMeters;
import dev.agentstore.spi.CacheLookup;
import dev.agentstore.spi.RecentMessagesCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves {@link #lastMessages} from a {@link RecentMessagesCache} and keeps it current: appends are written
 * through; deletes, erasures and every change of a conversation's thread (an edit, a tombstone, a fork or switch of
 * branch) invalidate, whether or not the change went through, since a failure may come after it was made. Everything else goes straight to the source of truth, and so does
 * every read while the cache fails.
 */
public final class CachedConversationRepository implements ConversationRepository {
    private final ConversationRepository source;
    private final ConversationRepository primary;
    private final FailSafeCache cache;
    private final StoreMeters meters;

    /**
     * Puts {@code cache} in front of {@code source}, counting its hits and misses on {@code meters}; {@code primary} is
     * the same repository reading every write ({@link dev.agentstore.Consistency#READ_YOUR_WRITES}), which finds the
     * conversations an erasure must drop from the cache.
     */
    public CachedConversationRepository(
            ConversationRepository source,
            ConversationRepository primary,
            RecentMessagesCache cache,
            Clock clock,
            StoreMeters meters) {
        this.source = source;
        this.primary = primary;
        this.cache = new FailSafeCache(cache, clock);
        this.meters = meters;
    }

    @Override
    public List<Message> lastMessages(UUID conversationId, int count) {
        if (count > cache.capacity()) {
            return source.lastMessages(conversationId, count);
        }
        CacheLookup lookup = cache.newest(conversationId, count);
        Optional<List<Message>> hit = lookup.hit();
        meters.contextCache(hit.isPresent());
        if (hit.isPresent()) {
            return hit.get();
        }
        List<Message> newest = source.lastMessages(conversationId, cache.capacity());
        cache.fill(conversationId, newest, newest.size() < cache.capacity(), lookup.epoch());
        return newest.subList(Math.max(0, newest.size() - count), newest.size());
    }

    @Override
    public Message append(UUID conversationId, NewMessage message) {
        Message appended = source.append(conversationId, message);
        cache.appended(conversationId, List.of(appended));
        return appended;
    }

    @Override
    public List<Message> appendAll(UUID conversationId, List<NewMessage> messages) {
        List<Message> appended = source.appendAll(conversationId, messages);
        cache.appended(conversationId, appended);
        return appended;
    }

    /** A replay returns messages the cache saw already; they do not follow its entry, so it drops the entry. */
    @Override
    public List<Message> appendAll(UUID conversationId, List<NewMessage> messages, String idempotencyKey) {
        List<Message> appended = source.appendAll(conversationId, messages, idempotencyKey);
        cache.appended(conversationId, appended);
        return appended;
    }

    @Override
    public boolean deleteConversation(UUID conversationId) {
        boolean deleted = source.deleteConversation(conversationId);
        cache.invalidate(conversationId);
        return deleted;
    }

    @Override
    public boolean eraseUser(UUID userId) {
        List<UUID> conversations = conversationIds(userId);
        boolean erased = source.eraseUser(userId);
        conversations.forEach(cache::invalidate);
        return erased;
    }

    private List<UUID> conversationIds(UUID userId) {
        List<UUID> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(1_000);
        while (request != null) {
            Page<Conversation> page = primary.listConversations(userId, null, request);
            page.items().forEach(c -> ids.add(c.id()));
            request = page.nextRequest(request).orElse(null);
        }
        return ids;
    }

    // Everything below reads or writes nothing the cache holds.

    @Override
    public User upsertUser(NewUser user) {
        return source.upsertUser(user);
    }

    @Override
    public Optional<User> findUser(UUID userId) {
        return source.findUser(userId);
    }

    @Override
    public Optional<User> findUserByExternalId(String channel, String externalId) {
        return source.findUserByExternalId(channel, externalId);
    }

    @Override
    public User updatePreferences(UUID userId, Map<String, ?> preferences) {
        return source.updatePreferences(userId, preferences);
    }

    @Override
    public ChatSession startSession(UUID userId, Map<String, ?> metadata) {
        return source.startSession(userId, metadata);
    }

    @Override
    public Optional<ChatSession> findSession(UUID sessionId) {
        return source.findSession(sessionId);
    }

    @Override
    public ChatSession touchSession(UUID sessionId) {
        return source.touchSession(sessionId);
    }

    @Override
    public ChatSession endSession(UUID sessionId) {
        return source.endSession(sessionId);
    }

    @Override
    public List<ChatSession> sessionsOf(UUID userId, int limit) {
        return source.sessionsOf(userId, limit);
    }

    @Override
    public Conversation createConversation(NewConversation conversation) {
        return source.createConversation(conversation);
    }

    @Override
    public Conversation findOrCreateConversation(NewConversation conversation) {
        return source.findOrCreateConversation(conversation);
    }

    @Override
    public Optional<Conversation> findConversation(UUID conversationId) {
        return source.findConversation(conversationId);
    }

    @Override
    public Optional<Conversation> findConversationByKey(String externalKey) {
        return source.findConversationByKey(externalKey);
    }

    @Override
    public List<Message> memory(UUID conversationId) {
        return source.memory(conversationId);
    }

    @Override
    public List<Message> appendToMemory(UUID conversationId, List<NewMessage> messages, MemoryWindow window) {
        List<Message> appended = source.appendToMemory(conversationId, messages, window);
        cache.appended(conversationId, appended);
        return appended;
    }

    @Override
    public Page<Conversation> listConversations(ConversationQuery query, PageRequest page) {
        return source.listConversations(query, page);
    }

    /** An import adds conversations that were not there, which the cache holds nothing of. */
    @Override
    public ImportReport importHistory(HistoryImport batch) {
        return source.importHistory(batch);
    }

    /** Whatever retention removes, the tenant's cached entries are dropped: they refill from the store on use. */
    @Override
    public ConversationRetentionReport applyRetention(ConversationRetentionPolicy policy) {
        try {
            return source.applyRetention(policy);
        } finally {
            cache.invalidateAll();
        }
    }

    @Override
    public Conversation updateConversation(UUID conversationId, ConversationUpdate update) {
        return source.updateConversation(conversationId, update);
    }

    @Override
    public Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page) {
        return source.history(conversationId, order, page);
    }

    @Override
    public ContextWindow contextWindow(UUID conversationId, int tokenBudget) {
        return source.contextWindow(conversationId, tokenBudget);
    }

    @Override
    public Message editMessage(UUID conversationId, UUID messageId, MessageEdit edit) {
        try {
            return source.editMessage(conversationId, messageId, edit);
        } finally {
            cache.invalidate(conversationId);
        }
    }

    @Override
    public List<MessageRevision> revisions(UUID conversationId, UUID messageId) {
        return source.revisions(conversationId, messageId);
    }

    @Override
    public int deleteMessage(UUID conversationId, UUID messageId) {
        try {
            return source.deleteMessage(conversationId, messageId);
        } finally {
            cache.invalidate(conversationId);
        }
    }

    @Override
    public int truncateAfter(UUID conversationId, UUID messageId) {
        try {
            return source.truncateAfter(conversationId, messageId);
        } finally {
            cache.invalidate(conversationId);
        }
    }

    @Override
    public ConversationBranch fork(UUID conversationId, UUID parentMessageId) {
        try {
            return source.fork(conversationId, parentMessageId);
        } finally {
            cache.invalidate(conversationId);
        }
    }

    @Override
    public List<ConversationBranch> branches(UUID conversationId) {
        return source.branches(conversationId);
    }

    @Override
    public ConversationBranch switchBranch(UUID conversationId, int branch) {
        try {
            return source.switchBranch(conversationId, branch);
        } finally {
            cache.invalidate(conversationId);
        }
    }

    @Override
    public Page<Message> history(UUID conversationId, int branch, HistoryOrder order, PageRequest page) {
        return source.history(conversationId, branch, order, page);
    }

    @Override
    public ContextWindow contextWindow(UUID conversationId, int branch, int tokenBudget) {
        return source.contextWindow(conversationId, branch, tokenBudget);
    }

    @Override
    public List<MessageSearchHit> search(UUID userId, String query, int limit) {
        return source.search(userId, query, limit);
    }
}

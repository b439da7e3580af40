package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
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
import dev.agentstore.conversation.ImportedMessage;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.MessageRevision;
import dev.agentstore.conversation.MessageSearchHit;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.FilterShape;
import dev.agentstore.internal.Metadata;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.internal.WriteLimits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks every argument before the backend sees it; around an erase, has {@code beforeErase} remove what other
 * stores hold of the user (its accounts) and tells {@code onErased} (the SDK's audit entry) once it was erased.
 */
public final class ValidatingConversationRepository implements ConversationRepository {
    private final OpenGuard open;
    private final ConversationRepository backend;
    private final WriteLimits limits;
    private final Consumer<UUID> beforeErase;
    private final Consumer<UUID> onErased;

    public ValidatingConversationRepository(
            OpenGuard open,
            ConversationRepository backend,
            WriteLimits limits,
            Consumer<UUID> beforeErase,
            Consumer<UUID> onErased) {
        this.open = open;
        this.backend = backend;
        this.limits = limits;
        this.beforeErase = beforeErase;
        this.onErased = onErased;
    }

    @Override
    public User upsertUser(NewUser user) {
        open.check();
        return backend.upsertUser(Check.present("user", user));
    }

    @Override
    public Optional<User> findUser(UUID userId) {
        open.check();
        return backend.findUser(Check.id("userId", userId));
    }

    @Override
    public Optional<User> findUserByExternalId(String channel, String externalId) {
        open.check();
        return backend.findUserByExternalId(Check.name("channel", channel), Check.name("externalId", externalId));
    }

    @Override
    public User updatePreferences(UUID userId, Map<String, ?> preferences) {
        open.check();
        Map<String, Object> copy = Metadata.copyOf("preferences", Check.present("preferences", preferences));
        return backend.updatePreferences(Check.id("userId", userId), copy);
    }

    @Override
    public boolean eraseUser(UUID userId) {
        open.check();
        beforeErase.accept(Check.id("userId", userId));
        boolean erased = backend.eraseUser(userId);
        if (erased) {
            onErased.accept(userId);
        }
        return erased;
    }

    @Override
    public ChatSession startSession(UUID userId, Map<String, ?> metadata) {
        open.check();
        return backend.startSession(Check.id("userId", userId), Metadata.copyOf("metadata", metadata));
    }

    @Override
    public Optional<ChatSession> findSession(UUID sessionId) {
        open.check();
        return backend.findSession(Check.id("sessionId", sessionId));
    }

    @Override
    public ChatSession touchSession(UUID sessionId) {
        open.check();
        return backend.touchSession(Check.id("sessionId", sessionId));
    }

    @Override
    public ChatSession endSession(UUID sessionId) {
        open.check();
        return backend.endSession(Check.id("sessionId", sessionId));
    }

    @Override
    public List<ChatSession> sessionsOf(UUID userId, int limit) {
        open.check();
        return backend.sessionsOf(Check.id("userId", userId), Check.range("limit", limit, 1, Limits.MAX_PAGE_SIZE));
    }

    @Override
    public Conversation createConversation(NewConversation conversation) {
        open.check();
        return backend.createConversation(Check.present("conversation", conversation));
    }

    @Override
    public Conversation findOrCreateConversation(NewConversation conversation) {
        open.check();
        Check.present("conversation", conversation);
        Check.name("conversation.externalKey", conversation.externalKey());
        return backend.findOrCreateConversation(conversation);
    }

    @Override
    public Optional<Conversation> findConversationByKey(String externalKey) {
        open.check();
        return backend.findConversationByKey(Check.name("externalKey", externalKey));
    }

    @Override
    public List<Message> memory(UUID conversationId) {
        open.check();
        return backend.memory(Check.id("conversationId", conversationId));
    }

    @Override
    public List<Message> appendToMemory(UUID conversationId, List<NewMessage> messages, MemoryWindow window) {
        open.check();
        List<NewMessage> batch = List.copyOf(Check.batch("messages", messages, Limits.MAX_MESSAGE_BATCH));
        limits.messages("messages", batch);
        return backend.appendToMemory(
                Check.id("conversationId", conversationId), batch, Check.present("window", window));
    }

    @Override
    public Optional<Conversation> findConversation(UUID conversationId) {
        open.check();
        return backend.findConversation(Check.id("conversationId", conversationId));
    }

    @Override
    public Page<Conversation> listConversations(ConversationQuery query, PageRequest page) {
        open.check();
        Check.present("query", query);
        FilterShape.check("query.metadata", query.metadata());
        return backend.listConversations(query, Check.present("page", page));
    }

    @Override
    public ImportReport importHistory(HistoryImport batch) {
        open.check();
        Check.present("batch", batch);
        limits.messages(
                "batch",
                batch.conversations().stream()
                        .flatMap(c -> c.messages().stream())
                        .map(ImportedMessage::message)
                        .toList());
        return backend.importHistory(batch);
    }

    @Override
    public ConversationRetentionReport applyRetention(ConversationRetentionPolicy policy) {
        open.check();
        return backend.applyRetention(Check.present("policy", policy));
    }

    @Override
    public Conversation updateConversation(UUID conversationId, ConversationUpdate update) {
        open.check();
        return backend.updateConversation(Check.id("conversationId", conversationId), Check.present("update", update));
    }

    @Override
    public boolean deleteConversation(UUID conversationId) {
        open.check();
        return backend.deleteConversation(Check.id("conversationId", conversationId));
    }

    @Override
    public Message append(UUID conversationId, NewMessage message) {
        open.check();
        limits.messages("message", List.of(Check.present("message", message)));
        return backend.append(Check.id("conversationId", conversationId), message);
    }

    @Override
    public List<Message> appendAll(UUID conversationId, List<NewMessage> messages) {
        open.check();
        List<NewMessage> batch = List.copyOf(Check.batch("messages", messages, Limits.MAX_MESSAGE_BATCH));
        limits.messages("messages", batch);
        Check.id("conversationId", conversationId);
        return batch.isEmpty() ? List.of() : backend.appendAll(conversationId, batch);
    }

    @Override
    public List<Message> appendAll(UUID conversationId, List<NewMessage> messages, String idempotencyKey) {
        open.check();
        List<NewMessage> batch = List.copyOf(Check.batch("messages", messages, Limits.MAX_MESSAGE_BATCH));
        limits.messages("messages", batch);
        Check.id("conversationId", conversationId);
        Check.text("idempotencyKey", Check.name("idempotencyKey", idempotencyKey), 200);
        return batch.isEmpty() ? List.of() : backend.appendAll(conversationId, batch, idempotencyKey);
    }

    @Override
    public Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page) {
        open.check();
        return backend.history(
                Check.id("conversationId", conversationId), Check.present("order", order), Check.present("page", page));
    }

    @Override
    public List<Message> lastMessages(UUID conversationId, int count) {
        open.check();
        return backend.lastMessages(
                Check.id("conversationId", conversationId), Check.range("count", count, 1, Limits.MAX_PAGE_SIZE));
    }

    @Override
    public ContextWindow contextWindow(UUID conversationId, int tokenBudget) {
        open.check();
        return backend.contextWindow(
                Check.id("conversationId", conversationId),
                Check.range("tokenBudget", tokenBudget, 1, Limits.MAX_TOKENS));
    }

    @Override
    public Message editMessage(UUID conversationId, UUID messageId, MessageEdit edit) {
        open.check();
        Check.present("edit", edit);
        limits.text("edit.content", edit.content());
        return backend.editMessage(Check.id("conversationId", conversationId), Check.id("messageId", messageId), edit);
    }

    @Override
    public List<MessageRevision> revisions(UUID conversationId, UUID messageId) {
        open.check();
        return backend.revisions(Check.id("conversationId", conversationId), Check.id("messageId", messageId));
    }

    @Override
    public int deleteMessage(UUID conversationId, UUID messageId) {
        open.check();
        return backend.deleteMessage(Check.id("conversationId", conversationId), Check.id("messageId", messageId));
    }

    @Override
    public int truncateAfter(UUID conversationId, UUID messageId) {
        open.check();
        return backend.truncateAfter(Check.id("conversationId", conversationId), Check.id("messageId", messageId));
    }

    @Override
    public ConversationBranch fork(UUID conversationId, UUID parentMessageId) {
        open.check();
        return backend.fork(Check.id("conversationId", conversationId), parentMessageId);
    }

    @Override
    public List<ConversationBranch> branches(UUID conversationId) {
        open.check();
        return backend.branches(Check.id("conversationId", conversationId));
    }

    @Override
    public ConversationBranch switchBranch(UUID conversationId, int branch) {
        open.check();
        return backend.switchBranch(Check.id("conversationId", conversationId), checkBranch(branch));
    }

    @Override
    public Page<Message> history(UUID conversationId, int branch, HistoryOrder order, PageRequest page) {
        open.check();
        return backend.history(
                Check.id("conversationId", conversationId),
                checkBranch(branch),
                Check.present("order", order),
                Check.present("page", page));
    }

    @Override
    public ContextWindow contextWindow(UUID conversationId, int branch, int tokenBudget) {
        open.check();
        return backend.contextWindow(
                Check.id("conversationId", conversationId),
                checkBranch(branch),
                Check.range("tokenBudget", tokenBudget, 1, Limits.MAX_TOKENS));
    }

    private static int checkBranch(int branch) {
        return Check.range("branch", branch, ConversationBranch.MAIN, Integer.MAX_VALUE);
    }

    @Override
    public List<MessageSearchHit> search(UUID userId, String query, int limit) {
        open.check();
        Check.id("userId", userId);
        Check.range("limit", limit, 1, Limits.MAX_PAGE_SIZE);
        Check.text("query", query, 1_000);
        return query.isBlank() ? List.of() : backend.search(userId, query, limit);
    }
}

package dev.agentstore.postgres.internal.conversation;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
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
import dev.agentstore.postgres.spi.PostgresErrors;
import dev.agentstore.postgres.spi.TenantSql;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Conversations of one tenant in PostgreSQL. Each call is one statement (and one round trip) on the happy
 * path; reads that come back empty check once more whether the conversation exists, to fail as the contract
 * says.
 */
public final class PostgresConversationRepository implements ConversationRepository {
    private final UserQueries users;
    private final SessionQueries sessions;
    private final ConversationQueries conversations;
    private final MessageQueries messages;
    private final MessageAppender appender;
    private final ContextWindowQuery windows;
    private final MemoryWindowQueries memory;
    private final ConversationRetentionJob retention;
    private final HistoryImportWriter imports;
    private final MessageEdits edits;
    private final BranchQueries branches;

    /**
     * Conversations of {@code sql}'s tenant.
     *
     * @param idempotencyKeyTtl how long an append's idempotency key answers retries
     * @param ingest the ingest role's COPY path for history imports, or null to import under row-level security
     */
    public PostgresConversationRepository(
            TenantSql sql,
            ConversationStatements statements,
            Clock clock,
            Duration idempotencyKeyTtl,
            HistoryIngest ingest) {
        this.users = new UserQueries(sql, clock);
        this.sessions = new SessionQueries(sql, clock);
        this.conversations = new ConversationQueries(sql, clock);
        this.messages = new MessageQueries(sql, statements);
        this.appender = new MessageAppender(sql, statements, clock, idempotencyKeyTtl);
        this.windows = new ContextWindowQuery(sql, statements);
        this.memory = new MemoryWindowQueries(sql, appender);
        this.retention = new ConversationRetentionJob(sql, clock, idempotencyKeyTtl);
        this.imports = new HistoryImportWriter(sql, ingest);
        this.edits = new MessageEdits(sql, clock);
        this.branches = new BranchQueries(sql, clock, messages, windows);
    }

    @Override
    public User upsertUser(NewUser user) {
        return users.upsert(user);
    }

    @Override
    public Optional<User> findUser(UUID userId) {
        return users.find(userId);
    }

    @Override
    public Optional<User> findUserByExternalId(String channel, String externalId) {
        return users.findByExternalId(channel, externalId);
    }

    @Override
    public User updatePreferences(UUID userId, Map<String, ?> preferences) {
        return users.updatePreferences(userId, preferences);
    }

    @Override
    public boolean eraseUser(UUID userId) {
        return users.erase(userId);
    }

    @Override
    public ChatSession startSession(UUID userId, Map<String, ?> metadata) {
        return sessions.start(userId, metadata);
    }

    @Override
    public Optional<ChatSession> findSession(UUID sessionId) {
        return sessions.find(sessionId);
    }

    @Override
    public ChatSession touchSession(UUID sessionId) {
        return sessions.touch(sessionId);
    }

    @Override
    public ChatSession endSession(UUID sessionId) {
        return sessions.end(sessionId);
    }

    @Override
    public List<ChatSession> sessionsOf(UUID userId, int limit) {
        return sessions.of(userId, limit);
    }

    @Override
    public Conversation createConversation(NewConversation conversation) {
        return conversations.create(conversation);
    }

    @Override
    public Conversation findOrCreateConversation(NewConversation conversation) {
        return conversations.findOrCreate(conversation);
    }

    @Override
    public Optional<Conversation> findConversationByKey(String externalKey) {
        return conversations.findByKey(externalKey);
    }

    @Override
    public List<Message> memory(UUID conversationId) {
        List<Message> window = memory.read(conversationId);
        if (window.isEmpty()) {
            requireConversation(conversationId);
        }
        return window;
    }

    @Override
    public List<Message> appendToMemory(UUID conversationId, List<NewMessage> batch, MemoryWindow window) {
        try {
            return memory.appendAndMove(conversationId, batch, window);
        } catch (NotFoundException e) {
            throw unknownRun(conversationId, batch, e);
        } catch (MessageAppender.NotAppended e) {
            Conversation c = requireCurrentConversation(conversationId);
            throw new ConflictException(
                    "conversation " + c.id() + " is " + c.status().name().toLowerCase() + " and takes no messages");
        }
    }

    @Override
    public Optional<Conversation> findConversation(UUID conversationId) {
        return conversations.find(conversationId);
    }

    @Override
    public Page<Conversation> listConversations(ConversationQuery query, PageRequest page) {
        return conversations.list(query, page);
    }

    @Override
    public Conversation updateConversation(UUID conversationId, ConversationUpdate update) {
        return conversations.update(conversationId, update);
    }

    @Override
    public boolean deleteConversation(UUID conversationId) {
        return conversations.delete(conversationId);
    }

    @Override
    public ImportReport importHistory(HistoryImport batch) {
        return imports.write(batch);
    }

    @Override
    public ConversationRetentionReport applyRetention(ConversationRetentionPolicy policy) {
        return retention.apply(policy);
    }

    @Override
    public Message append(UUID conversationId, NewMessage message) {
        return appendAll(conversationId, List.of(message)).get(0);
    }

    @Override
    public List<Message> appendAll(UUID conversationId, List<NewMessage> batch) {
        if (batch.isEmpty()) {
            requireCurrentConversation(conversationId);
            return List.of();
        }
        List<Message> appended;
        try {
            appended = appender.append(conversationId, batch);
        } catch (NotFoundException e) {
            throw unknownRun(conversationId, batch, e);
        }
        if (appended.isEmpty()) {
            Conversation c = requireCurrentConversation(conversationId);
            throw new ConflictException(
                    "conversation " + c.id() + " is " + c.status().name().toLowerCase() + " and takes no messages");
        }
        return appended;
    }

    @Override
    public List<Message> appendAll(UUID conversationId, List<NewMessage> batch, String idempotencyKey) {
        try {
            return appender.appendOnce(conversationId, batch, idempotencyKey);
        } catch (NotFoundException e) {
            throw unknownRun(conversationId, batch, e);
        } catch (MessageAppender.NotAppended e) {
            Conversation c = requireCurrentConversation(conversationId); // NotFoundException naming the conversation
            throw new ConflictException(
                    "conversation " + c.id() + " is " + c.status().name().toLowerCase() + " and takes no messages");
        }
    }

    @Override
    public Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page) {
        Page<Message> result = messages.history(conversationId, order, page);
        if (result.items().isEmpty()) {
            requireConversation(conversationId);
        }
        return result;
    }

    @Override
    public List<Message> lastMessages(UUID conversationId, int count) {
        List<Message> result = messages.last(conversationId, count);
        if (result.isEmpty()) {
            requireConversation(conversationId);
        }
        return result;
    }

    @Override
    public ContextWindow contextWindow(UUID conversationId, int tokenBudget) {
        return windows.select(conversationId, tokenBudget).orElseGet(() -> {
            requireConversation(conversationId);
            return new ContextWindow(List.of(), 0, false);
        });
    }

    @Override
    public Message editMessage(UUID conversationId, UUID messageId, MessageEdit edit) {
        return edits.edit(conversationId, messageId, edit);
    }

    @Override
    public List<MessageRevision> revisions(UUID conversationId, UUID messageId) {
        requireConversation(conversationId);
        return edits.revisions(conversationId, messageId);
    }

    @Override
    public int deleteMessage(UUID conversationId, UUID messageId) {
        return edits.delete(conversationId, messageId);
    }

    @Override
    public int truncateAfter(UUID conversationId, UUID messageId) {
        return edits.truncateAfter(conversationId, messageId);
    }

    @Override
    public ConversationBranch fork(UUID conversationId, UUID parentMessageId) {
        return branches.fork(conversationId, parentMessageId);
    }

    @Override
    public List<ConversationBranch> branches(UUID conversationId) {
        return branches.branches(conversationId);
    }

    @Override
    public ConversationBranch switchBranch(UUID conversationId, int branch) {
        return branches.switchTo(conversationId, branch);
    }

    @Override
    public Page<Message> history(UUID conversationId, int branch, HistoryOrder order, PageRequest page) {
        return branches.history(conversationId, branch, order, page);
    }

    @Override
    public ContextWindow contextWindow(UUID conversationId, int branch, int tokenBudget) {
        return branches.contextWindow(conversationId, branch, tokenBudget);
    }

    @Override
    public List<MessageSearchHit> search(UUID userId, String query, int limit) {
        return messages.search(userId, query, limit);
    }

    private Conversation requireConversation(UUID conversationId) {
        return conversations.find(conversationId).orElseThrow(() -> conversations.notFound(conversationId));
    }

    /** As {@link #requireConversation}, read on the primary: for the checks a write makes. */
    private Conversation requireCurrentConversation(UUID conversationId) {
        return conversations.current(conversationId).orElseThrow(() -> conversations.notFound(conversationId));
    }

    /** A message pointed at a run that is not one of this conversation's ({@code messages_run}). */
    private static NotFoundException unknownRun(UUID conversationId, List<NewMessage> batch, NotFoundException e) {
        if (!PostgresErrors.violates(e, "messages_run")) {
            return e;
        }
        String runs = batch.stream()
                .map(NewMessage::runId)
                .filter(Objects::nonNull)
                .distinct()
                .map(UUID::toString)
                .collect(Collectors.joining(", "));
        return new NotFoundException("no agent run with id " + runs + " in conversation " + conversationId, e);
    }
}

package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
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
import dev.agentstore.conversation.ConversationStatus;
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
import dev.agentstore.spi.ContextWindowPolicy;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Conversations of one tenant in memory; every method holds the repository's lock. */
final class InMemoryConversationRepository implements ConversationRepository {
    private final Clock clock;
    private final UserBook users;
    private final SessionBook sessions;
    private final Map<UUID, Conversation> conversations = new LinkedHashMap<>();
    private final AppendKeys appendKeys;
    private final MessageLog log = new MessageLog();
    private final RemovalListeners removals;
    private final ConversationLinks links;

    /**
     * @param idempotencyKeyTtl how long an append's idempotency key answers retries
     * @param removals where the tenant's other repositories learn what erasures and deletions remove
     * @param links the tenant's agents and runs, which conversations and messages may point at
     */
    InMemoryConversationRepository(
            Clock clock, Duration idempotencyKeyTtl, RemovalListeners removals, ConversationLinks links) {
        this.clock = clock;
        this.appendKeys = new AppendKeys(idempotencyKeyTtl);
        this.removals = removals;
        this.links = links;
        this.sessions = new SessionBook(clock);
        this.users = new UserBook(clock);
    }

    @Override
    public synchronized User upsertUser(NewUser user) {
        return users.upsert(user);
    }

    @Override
    public synchronized Optional<User> findUser(UUID userId) {
        return users.find(userId);
    }

    @Override
    public synchronized Optional<User> findUserByExternalId(String channel, String externalId) {
        return users.findByExternalId(channel, externalId);
    }

    @Override
    public synchronized User updatePreferences(UUID userId, Map<String, ?> preferences) {
        return users.updatePreferences(userId, preferences);
    }

    /**
     * The conversations whose last activity is at or after {@code from}, soft-deleted ones too, each with every
     * message it stores (all branches, tombstones too): what the activity rollup of a day starting at {@code from}
     * reads, as PostgreSQL's does through the activity index.
     */
    synchronized Map<Conversation, List<Message>> activeSince(Instant from) {
        Map<Conversation, List<Message>> active = new LinkedHashMap<>();
        for (Conversation c : conversations.values()) {
            if (!c.lastActivityAt().isBefore(from)) {
                MessageThread thread = log.thread(c.id());
                active.put(c, thread == null ? List.of() : thread.stored());
            }
        }
        return active;
    }

    /** The last message sequence the conversation has used, or {@link NotFoundException}. */
    synchronized long lastSequence(UUID conversationId) {
        requireConversation(conversationId);
        return log.lastSequence(conversationId);
    }

    /** The stored conversation, soft-deleted ones too, or null. */
    synchronized Conversation stored(UUID conversationId) {
        return conversations.get(conversationId);
    }

    /** The current branch's messages without tombstones, oldest first. */
    synchronized List<Message> live(UUID conversationId) {
        MessageThread thread = log.thread(conversationId);
        return thread == null ? List.of() : List.copyOf(thread.live());
    }

    /** The user's conversations but the deleted ones. */
    synchronized List<Conversation> undeletedOf(UUID userId) {
        return conversations.values().stream()
                .filter(c -> c.userId().equals(userId) && c.status() != ConversationStatus.DELETED)
                .toList();
    }

    /** The number of the conversation's current branch, or {@link NotFoundException}. */
    synchronized int currentBranch(UUID conversationId) {
        requireConversation(conversationId);
        MessageThread thread = log.thread(conversationId);
        return thread == null ? ConversationBranch.MAIN : thread.current();
    }

    /** A message of a conversation, by id, in any branch, tombstones too. */
    synchronized Optional<Message> message(UUID conversationId, UUID messageId) {
        MessageThread thread = log.thread(conversationId);
        return thread == null ? Optional.empty() : Optional.ofNullable(thread.find(messageId));
    }

    @Override
    public synchronized boolean eraseUser(UUID userId) {
        if (!users.remove(userId)) {
            return false;
        }
        Set<UUID> erasedSessions = sessions.removeAllOf(userId);
        Set<UUID> erasedConversations = new HashSet<>();
        removals.userErased(userId);
        conversations.values().removeIf(c -> {
            boolean owned = c.userId().equals(userId);
            if (owned) {
                log.remove(c.id());
                appendKeys.forget(c.id());
                removals.conversationDeleted(c.id());
                erasedConversations.add(c.id());
            }
            return owned;
        });
        removals.userDataErased(erasedSessions, erasedConversations);
        return true;
    }

    @Override
    public synchronized ChatSession startSession(UUID userId, Map<String, ?> metadata) {
        requireUser(userId);
        return sessions.start(userId, metadata);
    }

    @Override
    public synchronized Optional<ChatSession> findSession(UUID sessionId) {
        return sessions.find(sessionId);
    }

    @Override
    public synchronized ChatSession touchSession(UUID sessionId) {
        return sessions.touch(sessionId);
    }

    @Override
    public synchronized ChatSession endSession(UUID sessionId) {
        return sessions.end(sessionId);
    }

    @Override
    public synchronized List<ChatSession> sessionsOf(UUID userId, int limit) {
        return sessions.of(userId, limit);
    }

    @Override
    public synchronized Conversation createConversation(NewConversation c) {
        requireUser(c.userId());
        if (c.sessionId() != null && sessions.find(c.sessionId()).isEmpty()) {
            throw new NotFoundException("no session with id " + c.sessionId());
        }
        if (c.agentId() != null && !links.agentExists().test(c.agentId())) {
            throw new NotFoundException("no agent with id " + c.agentId());
        }
        if (c.externalKey() != null && findConversationByKey(c.externalKey()).isPresent()) {
            throw new ConflictException("the conversation key " + c.externalKey() + " is already taken");
        }
        if (c.id() != null && conversations.containsKey(c.id())) {
            throw new ConflictException("a conversation with id " + c.id() + " exists already");
        }
        Conversation created =
                ConversationRecords.created(c, c.id() != null ? c.id() : Ids.newId(clock), clock.instant());
        conversations.put(created.id(), created);
        log.open(created.id(), created.createdAt());
        return created;
    }

    @Override
    public synchronized Conversation findOrCreateConversation(NewConversation c) {
        return findConversationByKey(c.externalKey()).orElseGet(() -> createConversation(c));
    }

    @Override
    public synchronized Optional<Conversation> findConversation(UUID conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public synchronized Optional<Conversation> findConversationByKey(String externalKey) {
        return conversations.values().stream()
                .filter(c -> externalKey.equals(c.externalKey()))
                .findFirst();
    }

    @Override
    public synchronized Page<Conversation> listConversations(ConversationQuery query, PageRequest page) {
        return ConversationListing.page(conversations.values(), query, page);
    }

    @Override
    public synchronized Conversation updateConversation(UUID conversationId, ConversationUpdate u) {
        Conversation c = requireConversation(conversationId);
        if (c.version() != u.expectedVersion()) {
            throw new ConflictException("conversation " + conversationId + " is at version " + c.version()
                    + ", not the expected " + u.expectedVersion());
        }
        Conversation updated = ConversationRecords.updated(c, u, clock.instant());
        conversations.put(conversationId, updated);
        return updated;
    }

    @Override
    public synchronized boolean deleteConversation(UUID conversationId) {
        log.remove(conversationId);
        appendKeys.forget(conversationId);
        removals.conversationDeleted(conversationId);
        return conversations.remove(conversationId) != null;
    }

    @Override
    public synchronized ImportReport importHistory(HistoryImport batch) {
        return new HistoryImporter(users, conversations, log).run(batch);
    }

    @Override
    public synchronized ConversationRetentionReport applyRetention(ConversationRetentionPolicy policy) {
        return new ConversationRetentionRun(conversations, log, appendKeys, removals).apply(policy, clock.instant());
    }

    @Override
    public synchronized Message append(UUID conversationId, NewMessage message) {
        return appendAll(conversationId, List.of(message)).get(0);
    }

    @Override
    public synchronized List<Message> memory(UUID conversationId) {
        MemoryWindow window = requireConversation(conversationId).memoryWindow();
        return log.all(conversationId).stream()
                .filter(m -> window.contains(m.sequence()))
                .toList();
    }

    /** Checks the window against the messages there will be, then appends and moves it: nothing on a refusal. */
    @Override
    public synchronized List<Message> appendToMemory(UUID conversationId, List<NewMessage> batch, MemoryWindow window) {
        requireConversation(conversationId);
        long last = log.lastSequence(conversationId) + (long) batch.size();
        if (window.start() > last + 1) {
            throw new InvalidInputException(
                    "window.start",
                    "must be at most " + (last + 1) + " (just after the last message), but was " + window.start());
        }
        if (window.pinned() > log.lastSequence(conversationId)) {
            throw new InvalidInputException(
                    "window.pinned", "must be an existing message's sequence, but was " + window.pinned());
        }
        List<Message> appended = batch.isEmpty() ? List.of() : appendAll(conversationId, batch);
        conversations.put(
                conversationId, ConversationRecords.withMemoryWindow(conversations.get(conversationId), window));
        return appended;
    }

    @Override
    public synchronized List<Message> appendAll(UUID conversationId, List<NewMessage> batch) {
        Conversation c = requireConversation(conversationId);
        if (c.status() == ConversationStatus.DELETED) {
            throw new ConflictException("conversation " + conversationId + " is deleted and takes no messages");
        }
        for (NewMessage message : batch) {
            UUID run = message.runId();
            if (run != null
                    && !links.findRun()
                            .apply(run)
                            .map(r -> conversationId.equals(r.conversationId()))
                            .orElse(false)) {
                throw new NotFoundException("no agent run with id " + run + " in conversation " + conversationId);
            }
        }
        List<Message> appended = log.append(conversationId, batch, clock);
        if (!appended.isEmpty()) {
            conversations.put(
                    conversationId,
                    ConversationRecords.activeAt(c, appended.get(0).createdAt()));
        }
        return appended;
    }

    /** Clears the agent of the conversations that ran under it, as its deletion does in PostgreSQL. */
    synchronized void detachAgent(UUID agentId) {
        conversations.replaceAll((id, c) -> agentId.equals(c.agentId()) ? ConversationRecords.withoutAgent(c) : c);
    }

    @Override
    public synchronized List<Message> appendAll(UUID conversationId, List<NewMessage> batch, String idempotencyKey) {
        List<Message> earlier = appendKeys.earlier(conversationId, idempotencyKey, clock.instant());
        if (earlier != null) {
            return earlier;
        }
        List<Message> appended = appendAll(conversationId, batch);
        appendKeys.remember(conversationId, idempotencyKey, appended, clock.instant());
        return appended;
    }

    @Override
    public synchronized Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page) {
        requireConversation(conversationId);
        return log.page(conversationId, order, page);
    }

    @Override
    public synchronized List<Message> lastMessages(UUID conversationId, int count) {
        requireConversation(conversationId);
        return log.last(conversationId, count);
    }

    @Override
    public synchronized ContextWindow contextWindow(UUID conversationId, int tokenBudget) {
        requireConversation(conversationId);
        return ContextWindowPolicy.select(log.all(conversationId), tokenBudget);
    }

    @Override
    public synchronized Message editMessage(UUID conversationId, UUID messageId, MessageEdit edit) {
        return changeable(conversationId).edit(messageId, edit, clock.instant());
    }

    @Override
    public synchronized List<MessageRevision> revisions(UUID conversationId, UUID messageId) {
        requireConversation(conversationId);
        return log.thread(conversationId).revisions(messageId);
    }

    @Override
    public synchronized int deleteMessage(UUID conversationId, UUID messageId) {
        return changeable(conversationId).delete(messageId);
    }

    @Override
    public synchronized int truncateAfter(UUID conversationId, UUID messageId) {
        return changeable(conversationId).truncateAfter(messageId);
    }

    @Override
    public synchronized ConversationBranch fork(UUID conversationId, UUID parentMessageId) {
        return changeable(conversationId).fork(parentMessageId, clock.instant());
    }

    @Override
    public synchronized List<ConversationBranch> branches(UUID conversationId) {
        requireConversation(conversationId);
        return log.thread(conversationId).branches();
    }

    @Override
    public synchronized ConversationBranch switchBranch(UUID conversationId, int branch) {
        ConversationBranch switched = changeable(conversationId).switchTo(branch);
        if (switched == null) {
            throw noBranch(conversationId, branch);
        }
        return switched;
    }

    @Override
    public synchronized Page<Message> history(UUID conversationId, int branch, HistoryOrder order, PageRequest page) {
        return MessageLog.page(branchHistory(conversationId, branch), order, page);
    }

    @Override
    public synchronized ContextWindow contextWindow(UUID conversationId, int branch, int tokenBudget) {
        return ContextWindowPolicy.select(branchHistory(conversationId, branch), tokenBudget);
    }

    private List<Message> branchHistory(UUID conversationId, int branch) {
        requireConversation(conversationId);
        List<Message> history = log.thread(conversationId).history(branch);
        if (history == null) {
            throw noBranch(conversationId, branch);
        }
        return history;
    }

    /** The messages of a conversation that takes changes (not deleted). */
    private MessageThread changeable(UUID conversationId) {
        if (requireConversation(conversationId).status() == ConversationStatus.DELETED) {
            throw new ConflictException("conversation " + conversationId + " is deleted and takes no changes");
        }
        return log.thread(conversationId);
    }

    private static NotFoundException noBranch(UUID conversationId, int branch) {
        return new NotFoundException("no branch " + branch + " in conversation " + conversationId);
    }

    @Override
    public synchronized List<MessageSearchHit> search(UUID userId, String query, int limit) {
        List<UUID> own = undeletedOf(userId).stream().map(Conversation::id).toList();
        return log.search(own, query, limit);
    }

    /** The user, or {@link NotFoundException}; also for the tenant's runs, feedback and agents. */
    synchronized User requireUser(UUID userId) {
        return users.require(userId);
    }

    /** The conversation, or {@link NotFoundException}; also for the tenant's runs and feedback. */
    synchronized Conversation requireConversation(UUID conversationId) {
        Conversation c = conversations.get(conversationId);
        if (c == null) {
            throw new NotFoundException("no conversation with id " + conversationId);
        }
        return c;
    }
}

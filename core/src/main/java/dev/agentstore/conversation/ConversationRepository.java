package dev.agentstore.conversation;

import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users, sessions, conversations and messages of one tenant.
 *
 * <p>Implementations are thread-safe. Every method validates its arguments before touching the store and
 * throws {@link dev.agentstore.InvalidInputException} (changing nothing) when one breaks a rule; a call that
 * names an id the tenant does not have throws {@link dev.agentstore.NotFoundException}, except the
 * {@code find...} methods, which return empty.
 */
public interface ConversationRepository {

    /**
     * Stores a user, or refreshes the one with the same channel and external id (display name and
     * preferences are replaced; id and creation time are kept).
     */
    User upsertUser(NewUser user);

    /** The user with this id. */
    Optional<User> findUser(UUID userId);

    /** The user known to {@code channel} as {@code externalId}. */
    Optional<User> findUserByExternalId(String channel, String externalId);

    /** Replaces a user's preferences. */
    User updatePreferences(UUID userId, Map<String, ?> preferences);

    /**
     * Erases everything stored about a user: first the accounts that belong to it ({@link
     * dev.agentstore.security.NewCredential#forUser}) with their password history, reset tokens, API keys and login
     * attempts (their security events stay, unlinked and without details); then, in one atomic step, its sessions,
     * conversations, messages, runs, feedback, API usage and limits, the LLM metrics of its sessions and
     * conversations, and the user itself. The audit log keeps its entries, which never change, and gains a {@link
     * dev.agentstore.audit.AuditActions#USER_ERASED} entry: it is the record of such operations. Erasing again after a
     * failure half-way finishes the work.
     *
     * @return whether the user existed
     */
    boolean eraseUser(UUID userId);

    /** Starts a session for a user. */
    ChatSession startSession(UUID userId, Map<String, ?> metadata);

    /** The session with this id. */
    Optional<ChatSession> findSession(UUID sessionId);

    /** Marks a session as active now. Throws {@link dev.agentstore.ConflictException} if it has ended. */
    ChatSession touchSession(UUID sessionId);

    /** Ends a session. Ending an ended session is a no-op that returns it unchanged. */
    ChatSession endSession(UUID sessionId);

    /** A user's sessions, most recently active first. */
    List<ChatSession> sessionsOf(UUID userId, int limit);

    /**
     * Creates a conversation at version 1 with status {@link ConversationStatus#ACTIVE}. Throws {@link
     * dev.agentstore.ConflictException} if its external key or caller-supplied id is taken in the tenant, {@link
     * dev.agentstore.NotFoundException} if its user (or session, or agent) does not exist.
     */
    Conversation createConversation(NewConversation conversation);

    /**
     * The conversation with the new one's external key, created if there is none yet: one atomic step, so concurrent
     * callers with the same key all get the same conversation. The key is required; the rest of {@code conversation}
     * only applies when it is created.
     *
     * @throws dev.agentstore.InvalidInputException if {@code conversation} has no external key
     */
    Conversation findOrCreateConversation(NewConversation conversation);

    /** The conversation with this id, whatever its status. */
    Optional<Conversation> findConversation(UUID conversationId);

    /** The conversation with this external key ({@link NewConversation#withKey}), whatever its status. */
    Optional<Conversation> findConversationByKey(String externalKey);

    /**
     * A user's conversations, newest first, keyset-paged: {@code listConversations(ConversationQuery.ofUser(userId)
     * .withStatus(status), page)}.
     *
     * @param status only conversations in this status, or null for all
     */
    default Page<Conversation> listConversations(UUID userId, ConversationStatus status, PageRequest page) {
        return listConversations(ConversationQuery.ofUser(userId).withStatus(status), page);
    }

    /**
     * The conversations {@code query} selects, in its order, keyset-paged: a page's cursor continues after its last
     * conversation even while others are created or become active. On PostgreSQL every order is served by an index,
     * with or without a user, agent or status; a metadata filter is served by a GIN index on the metadata.
     */
    Page<Conversation> listConversations(ConversationQuery query, PageRequest page);

    /**
     * Applies {@code update} if the stored version equals {@link ConversationUpdate#expectedVersion()}, and
     * increments the version. Throws {@link dev.agentstore.ConflictException} on a version clash (nothing
     * changes).
     */
    Conversation updateConversation(UUID conversationId, ConversationUpdate update);

    /**
     * Deletes a conversation and all its messages for good.
     *
     * @return whether it existed
     */
    boolean deleteConversation(UUID conversationId);

    /**
     * Imports history from another system with its own ids and original times, in one atomic step: users, then
     * conversations with their messages (sequences 1, 2, ... in the order given; each conversation active at its last
     * message's time). Idempotent: users and conversations already stored under the same id (or a conversation under
     * the same external key) are skipped, a skipped conversation with all its messages, so importing a batch again
     * adds nothing. On PostgreSQL the rows stream through binary COPY into the tenant's tables under the same
     * row-level security as every other write. Throws {@link dev.agentstore.NotFoundException} if a conversation's user
     * is neither stored nor in the batch, {@link dev.agentstore.ConflictException} if a message id is taken by another
     * conversation's message or a user's channel and external id by another user; either way nothing is stored.
     * The batch's text, tool calls and metadata count against {@code limits.message-bytes-per-call}.
     */
    ImportReport importHistory(HistoryImport batch);

    /**
     * Applies a retention policy to this tenant's conversations: purges soft-deleted conversations deleted at least
     * {@link ConversationRetentionPolicy#purgeDeletedAfter} ago, removes conversations inactive for longer than {@link
     * ConversationRetentionPolicy#keepMessagesFor} whole and older messages of the others, and removes idempotency
     * keys past {@code conversations.idempotency-key-ttl}. Whatever goes takes what hangs on it (runs, feedback,
     * keys; a removed message's feedback). The work is done in batches of at most {@link
     * ConversationRetentionPolicy#batchSize} rows, each its own short transaction, so no lock is held for long and
     * appends go on meanwhile; a run that stops half-way (a lost connection) leaves every conversation readable and
     * the next run finishes the work. Run it from a scheduled job, per tenant or through {@link
     * dev.agentstore.AgentStore#applyConversationRetention} for many.
     *
     * <p>Removed messages leave a gap at the start of a conversation's sequence numbers: history, windows and
     * memory read what is left. A message's age is the time it was appended.
     */
    ConversationRetentionReport applyRetention(ConversationRetentionPolicy policy);

    /**
     * Appends one message at the next sequence number. Throws {@link dev.agentstore.ConflictException} if the
     * conversation is {@link ConversationStatus#DELETED}.
     */
    Message append(UUID conversationId, NewMessage message);

    /**
     * Appends messages in order, atomically: all are stored at consecutive sequence numbers, or none is. An
     * empty list is a no-op that returns an empty list.
     */
    List<Message> appendAll(UUID conversationId, List<NewMessage> messages);

    /**
     * As {@link #appendAll(UUID, List)}, at most once per {@code idempotencyKey} in the conversation: a call
     * repeating a key that already appended (a retry after a timeout or a lost connection, when the caller cannot
     * know whether the first call went through) appends nothing and returns the messages the first call appended.
     * Concurrent calls with one key append once and all return those messages.
     *
     * @param idempotencyKey 1 to 200 characters chosen by the caller, e.g. the id of the request being answered
     */
    List<Message> appendAll(UUID conversationId, List<NewMessage> messages, String idempotencyKey);

    /** One page of the messages of the conversation's current branch in the given order, without tombstones. */
    Page<Message> history(UUID conversationId, HistoryOrder order, PageRequest page);

    /** The last {@code count} messages (1 to 1000) of the current branch, oldest first, without tombstones. */
    List<Message> lastMessages(UUID conversationId, int count);

    /**
     * The messages to send to a model within {@code tokenBudget} tokens: the conversation's first system
     * message always, then the longest run of newest messages whose token counts fit in what remains. An
     * assistant message with tool calls and the tool results that follow it are taken together or not at
     * all.
     */
    ContextWindow contextWindow(UUID conversationId, int tokenBudget);

    /**
     * The conversation's memory window ({@link Conversation#memoryWindow}): its pinned message, then every message
     * from its start, oldest first. Throws {@link dev.agentstore.NotFoundException} for a missing conversation.
     */
    List<Message> memory(UUID conversationId);

    /**
     * Appends {@code messages} (possibly none) and moves the conversation's memory window to {@code window}, in one
     * atomic step: what an agent framework's chat memory does on every update, at the cost of the new messages only.
     * The window may start at a message appended by this call (the one after the conversation's last message, and
     * so on); its pinned message must already exist. Throws {@link dev.agentstore.NotFoundException} for a missing or
     * deleted conversation, {@link dev.agentstore.InvalidInputException} naming {@code window} if it starts after
     * the last message the call leaves or pins one that does not exist; either way nothing changes.
     *
     * @return the appended messages
     */
    List<Message> appendToMemory(UUID conversationId, List<NewMessage> messages, MemoryWindow window);

    /**
     * Replaces the content and token count of a message of the current branch, keeping what it replaces as a {@link
     * MessageRevision} (with who edited and when) and counting the message's {@link Message#revision} up. The message
     * keeps its id, sequence, feedback and run; windows, memory, search and the recent-messages cache see the new
     * text at once. Editing in place does not fork: to keep the turns after an edited message as they were, {@link
     * #fork} before it and append the edited text instead. Throws {@link dev.agentstore.NotFoundException} if the
     * conversation has no such message in its current branch (also a deleted one), {@link
     * dev.agentstore.ConflictException} if the conversation is deleted.
     */
    Message editMessage(UUID conversationId, UUID messageId, MessageEdit edit);

    /**
     * The contents a message had before its edits, oldest first: empty for a message never edited. Throws {@link
     * dev.agentstore.NotFoundException} if the conversation has no such message (a deleted one has no revisions).
     */
    List<MessageRevision> revisions(UUID conversationId, UUID messageId);

    /**
     * Deletes a message of the current branch, leaving a tombstone: the row keeps its id, sequence, role, time and
     * what points at it (feedback, its run), so paging and links stay consistent, but its content, tool calls,
     * metadata and revisions are erased, and it leaves history, windows, memory and search. A message of a tool
     * exchange takes the whole exchange with it (the assistant message with the calls and the results answering
     * them), so no window ever holds a call without its result or a result without its call. Throws {@link
     * dev.agentstore.NotFoundException} if the conversation has no such message in its current branch, {@link
     * dev.agentstore.ConflictException} if the conversation is deleted.
     *
     * @return how many messages left the thread: 1, or the size of the tool exchange
     */
    int deleteMessage(UUID conversationId, UUID messageId);

    /**
     * Deletes every message of the current branch after {@code messageId}, as {@link #deleteMessage} does, in one
     * atomic step; the message itself stays. To keep them instead, as another branch, {@link #fork} at the message.
     * Throws as {@link #deleteMessage} does.
     *
     * @return how many messages left the thread
     */
    int truncateAfter(UUID conversationId, UUID messageId);

    /**
     * Starts a new branch holding the current branch's messages up to and including {@code parentMessageId} (none,
     * if null) and makes it current, in one atomic step: what regenerating an answer (fork at the message before it,
     * then append the new answer) or editing a message in the middle (fork before it, append the edited text) does.
     * The branch it leaves keeps its later messages. Throws {@link dev.agentstore.NotFoundException} if the
     * conversation has no such message in its current branch, {@link dev.agentstore.ConflictException} if it is
     * deleted.
     *
     * @return the new, current branch
     */
    ConversationBranch fork(UUID conversationId, UUID parentMessageId);

    /** The conversation's branches, {@link ConversationBranch#MAIN} first, in the order they were forked. */
    List<ConversationBranch> branches(UUID conversationId);

    /**
     * Makes {@code branch} the conversation's current branch: messages, windows, memory and search serve its history
     * from then on. Throws {@link dev.agentstore.NotFoundException} if the conversation has no such branch, {@link
     * dev.agentstore.ConflictException} if it is deleted.
     *
     * @return the branch, now current
     */
    ConversationBranch switchBranch(UUID conversationId, int branch);

    /**
     * One page of a branch's history, current or not: its own messages and those it shares with the branches it was
     * forked from, in sequence order, without tombstones. Throws {@link dev.agentstore.NotFoundException} if the
     * conversation has no such branch.
     */
    Page<Message> history(UUID conversationId, int branch, HistoryOrder order, PageRequest page);

    /**
     * {@link #contextWindow(UUID, int)} over a branch's history, current or not. Throws {@link
     * dev.agentstore.NotFoundException} if the conversation has no such branch.
     */
    ContextWindow contextWindow(UUID conversationId, int branch, int tokenBudget);

    /**
     * Full-text search over a user's messages (the current branch of each of their conversations but the {@link
     * ConversationStatus#DELETED} ones; no tombstones), best match first. Every word of
     * {@code query} must occur (case-insensitive, whole words); punctuation and SQL or pattern characters are
     * plain data.
     */
    List<MessageSearchHit> search(UUID userId, String query, int limit);
}

package dev.agentstore.memory;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What one tenant's other in-memory repositories (runs, feedback, agents) do when a user is erased, a
 * conversation deleted or messages removed, as PostgreSQL's cascading foreign keys do for its tables.
 */
final class RemovalListeners {
    private final List<Consumer<UUID>> userErased = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> conversationDeleted = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<UUID>>> messagesRemoved = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Set<UUID>, Set<UUID>>> userDataErased = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> agentDeleted = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<UUID>>> runsRemoved = new CopyOnWriteArrayList<>();

    void add(Consumer<UUID> user, Consumer<UUID> conversation) {
        userErased.add(user);
        conversationDeleted.add(conversation);
    }

    /** Also tells {@code messages} which messages of a conversation still there were removed (by retention). */
    void onMessagesRemoved(Consumer<Set<UUID>> messages) {
        messagesRemoved.add(messages);
    }

    /**
     * Also tells {@code sessionsAndConversations} which sessions and conversations an erased user had, for what names
     * them without going with them otherwise (LLM metrics).
     */
    void onUserDataErased(BiConsumer<Set<UUID>, Set<UUID>> sessionsAndConversations) {
        userDataErased.add(sessionsAndConversations);
    }

    /** Also tells {@code agent} which agents were deleted (or went with their owner). */
    void onAgentDeleted(Consumer<UUID> agent) {
        agentDeleted.add(agent);
    }

    /** Also tells {@code runs} which runs went (with their user or conversation). */
    void onRunsRemoved(Consumer<Set<UUID>> runs) {
        runsRemoved.add(runs);
    }

    void runsRemoved(Set<UUID> runIds) {
        runsRemoved.forEach(listener -> listener.accept(runIds));
    }

    void agentDeleted(UUID agentId) {
        agentDeleted.forEach(listener -> listener.accept(agentId));
    }

    void userDataErased(Set<UUID> sessions, Set<UUID> conversations) {
        userDataErased.forEach(listener -> listener.accept(sessions, conversations));
    }

    void userErased(UUID userId) {
        userErased.forEach(listener -> listener.accept(userId));
    }

    void conversationDeleted(UUID conversationId) {
        conversationDeleted.forEach(listener -> listener.accept(conversationId));
    }

    void messagesRemoved(Set<UUID> messageIds) {
        messagesRemoved.forEach(listener -> listener.accept(messageIds));
    }
}

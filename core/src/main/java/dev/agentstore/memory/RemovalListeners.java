package dev.agentstore.memory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What one tenant's other in-memory repositories (runs, feedback, agents) do when a user is erased or a
 * conversation deleted, as PostgreSQL's cascading foreign keys do for its tables.
 */
final class RemovalListeners {
    private final List<Consumer<UUID>> userErased = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> conversationDeleted = new CopyOnWriteArrayList<>();

    void add(Consumer<UUID> user, Consumer<UUID> conversation) {
        userErased.add(user);
        conversationDeleted.add(conversation);
    }

    void userErased(UUID userId) {
        userErased.forEach(listener -> listener.accept(userId));
    }

    void conversationDeleted(UUID conversationId) {
        conversationDeleted.forEach(listener -> listener.accept(conversationId));
    }
}

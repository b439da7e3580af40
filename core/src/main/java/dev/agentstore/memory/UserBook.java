package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ImportedUser;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The users of one tenant. Not thread-safe: {@link InMemoryConversationRepository} calls it under its own lock, so
 * users change together with their sessions and conversations.
 */
final class UserBook {
    private final Clock clock;
    private final Map<UUID, User> users = new LinkedHashMap<>();

    UserBook(Clock clock) {
        this.clock = clock;
    }

    /** Creates the user known to the channel by the external id, or replaces its name and preferences. */
    User upsert(NewUser user) {
        Instant now = clock.instant();
        User existing = findByExternalId(user.channel(), user.externalId()).orElse(null);
        User stored = existing == null
                ? new User(
                        Ids.newId(clock),
                        user.channel(),
                        user.externalId(),
                        user.displayName(),
                        user.preferences(),
                        now,
                        now)
                : new User(
                        existing.id(),
                        existing.channel(),
                        existing.externalId(),
                        user.displayName(),
                        user.preferences(),
                        existing.createdAt(),
                        now);
        users.put(stored.id(), stored);
        return stored;
    }

    Optional<User> find(UUID userId) {
        return Optional.ofNullable(users.get(userId));
    }

    Optional<User> findByExternalId(String channel, String externalId) {
        return users.values().stream()
                .filter(u -> u.channel().equals(channel) && u.externalId().equals(externalId))
                .findFirst();
    }

    @SuppressWarnings("unchecked") // preferences were checked and copied by core's validation
    User updatePreferences(UUID userId, Map<String, ?> preferences) {
        User u = require(userId);
        User updated = new User(
                u.id(),
                u.channel(),
                u.externalId(),
                u.displayName(),
                (Map<String, Object>) preferences,
                u.createdAt(),
                clock.instant());
        users.put(userId, updated);
        return updated;
    }

    /**
     * Refuses an imported user whose channel and external id another stored user has, as PostgreSQL's unique key does.
     */
    void checkImport(ImportedUser user) {
        findByExternalId(user.channel(), user.externalId())
                .filter(other -> !other.id().equals(user.id()))
                .ifPresent(other -> {
                    throw new ConflictException("user " + other.id() + " is known on " + user.channel()
                            + " by the external id of imported user " + user.id());
                });
    }

    /** Stores an imported user unless its id is stored already; whether it was stored. */
    boolean addImported(ImportedUser user) {
        if (users.containsKey(user.id())) {
            return false;
        }
        users.put(
                user.id(),
                new User(
                        user.id(),
                        user.channel(),
                        user.externalId(),
                        user.displayName(),
                        Map.of(),
                        user.createdAt(),
                        user.createdAt()));
        return true;
    }

    /** The user, or {@link NotFoundException}. */
    User require(UUID userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new NotFoundException("no user with id " + userId);
        }
        return user;
    }

    /** Removes the user; whether it existed. */
    boolean remove(UUID userId) {
        return users.remove(userId) != null;
    }
}

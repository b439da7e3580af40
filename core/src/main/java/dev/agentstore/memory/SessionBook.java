package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.SessionStatus;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The chat sessions of one tenant. Not thread-safe: {@link InMemoryConversationRepository} calls it under its
 * own lock, so sessions change together with users and conversations.
 */
final class SessionBook {
    private final Clock clock;
    private final Map<UUID, ChatSession> sessions = new LinkedHashMap<>();

    SessionBook(Clock clock) {
        this.clock = clock;
    }

    @SuppressWarnings("unchecked") // metadata was checked and copied by core's validation
    ChatSession start(UUID userId, Map<String, ?> metadata) {
        Instant now = clock.instant();
        ChatSession session = new ChatSession(
                Ids.newId(clock), userId, SessionStatus.ACTIVE, (Map<String, Object>) metadata, now, now);
        sessions.put(session.id(), session);
        return session;
    }

    Optional<ChatSession> find(UUID sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** Marks an active session active now; an ended one stays ended and the call fails. */
    ChatSession touch(UUID sessionId) {
        ChatSession s = require(sessionId);
        if (s.status() == SessionStatus.ENDED) {
            throw new ConflictException("session " + sessionId + " has ended");
        }
        return replace(s, SessionStatus.ACTIVE);
    }

    /** Ends the session; ending an ended session returns it unchanged. */
    ChatSession end(UUID sessionId) {
        ChatSession s = require(sessionId);
        return s.status() == SessionStatus.ENDED ? s : replace(s, SessionStatus.ENDED);
    }

    /** A user's sessions, most recently active first. */
    List<ChatSession> of(UUID userId, int limit) {
        return sessions.values().stream()
                .filter(s -> s.userId().equals(userId))
                .sorted(Comparator.comparing(ChatSession::lastActiveAt)
                        .thenComparing(ChatSession::id)
                        .reversed())
                .limit(limit)
                .toList();
    }

    /** Removes a user's sessions; returns their ids. */
    Set<UUID> removeAllOf(UUID userId) {
        Set<UUID> removed = new HashSet<>();
        sessions.values().removeIf(s -> s.userId().equals(userId) && removed.add(s.id()));
        return removed;
    }

    private ChatSession replace(ChatSession s, SessionStatus status) {
        ChatSession updated = new ChatSession(s.id(), s.userId(), status, s.metadata(), s.createdAt(), clock.instant());
        sessions.put(s.id(), updated);
        return updated;
    }

    private ChatSession require(UUID sessionId) {
        ChatSession session = sessions.get(sessionId);
        if (session == null) {
            throw new NotFoundException("no session with id " + sessionId);
        }
        return session;
    }
}

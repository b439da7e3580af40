package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.SummaryRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The conversation summaries of one tenant in memory; they go with their conversation. */
final class InMemorySummaries implements SummaryRepository {
    private final Clock clock;
    private final InMemoryConversationRepository conversations;
    private final Map<UUID, List<ConversationSummary>> byConversation = new HashMap<>();

    InMemorySummaries(Clock clock, InMemoryConversationRepository conversations, RemovalListeners removals) {
        this.clock = clock;
        this.conversations = conversations;
        removals.add(user -> {}, this::forget);
        removals.onUserDataErased((sessions, erased) -> erased.forEach(this::forget));
    }

    @Override
    public ConversationSummary record(UUID conversationId, NewSummary summary) {
        long last = conversations.lastSequence(conversationId); // outside this lock: erasure calls in under theirs
        boolean branchExists =
                conversations.branches(conversationId).stream().anyMatch(b -> b.number() == summary.branch());
        if (!branchExists) {
            throw new NotFoundException("conversation " + conversationId + " has no branch " + summary.branch());
        }
        if (summary.coversThrough() > last) {
            throw new InvalidInputException(
                    "summary.coversThrough",
                    "must be at most the conversation's last message sequence, " + last + ", but was "
                            + summary.coversThrough());
        }
        synchronized (this) {
            List<ConversationSummary> history = byConversation.computeIfAbsent(conversationId, id -> new ArrayList<>());
            history.stream()
                    .filter(s -> s.branch() == summary.branch() && s.coversThrough() > summary.coversThrough())
                    .findAny()
                    .ifPresent(s -> {
                        throw new ConflictException("summary " + s.number() + " of branch " + s.branch()
                                + " already covers through " + s.coversThrough());
                    });
            ConversationSummary recorded = new ConversationSummary(
                    conversationId,
                    history.size() + 1,
                    summary.branch(),
                    summary.coversThrough(),
                    summary.content(),
                    summary.tokenCount(),
                    clock.instant());
            history.add(recorded);
            return recorded;
        }
    }

    @Override
    public synchronized Optional<ConversationSummary> latest(UUID conversationId, int branch) {
        List<ConversationSummary> history = byConversation.getOrDefault(conversationId, List.of());
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).branch() == branch) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<ConversationSummary> history(UUID conversationId) {
        return List.copyOf(byConversation.getOrDefault(conversationId, List.of()));
    }

    private synchronized void forget(UUID conversationId) {
        byConversation.remove(conversationId);
    }
}

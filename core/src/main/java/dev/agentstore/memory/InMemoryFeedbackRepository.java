package dev.agentstore.memory;

import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Message;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.FeedbackStats;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.internal.HalfOpen;
import dev.agentstore.spi.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Feedback of one tenant in memory, keyed by user, conversation and message (null for the conversation). */
final class InMemoryFeedbackRepository implements FeedbackRepository {
    private final Clock clock;
    private final InMemoryConversationRepository conversations;
    private final Map<Key, Feedback> feedback = new LinkedHashMap<>();

    private record Key(UUID userId, UUID conversationId, UUID messageId) {}

    InMemoryFeedbackRepository(Clock clock, InMemoryConversationRepository conversations, RemovalListeners removals) {
        this.clock = clock;
        this.conversations = conversations;
        removals.add(
                user -> forget(f -> f.userId().equals(user)),
                chat -> forget(f -> f.conversationId().equals(chat)));
        removals.onMessagesRemoved(messages -> forget(f -> f.messageId() != null && messages.contains(f.messageId())));
    }

    @Override
    public Feedback give(NewFeedback given) {
        conversations.requireUser(given.userId());
        conversations.requireConversation(given.conversationId());
        String model = null;
        if (given.messageId() != null) {
            Message message = conversations
                    .message(given.conversationId(), given.messageId())
                    .orElseThrow(() -> new NotFoundException(
                            "no message with id " + given.messageId() + " in conversation " + given.conversationId()));
            model = message.modelId();
        }
        Instant now = clock.instant();
        Key key = new Key(given.userId(), given.conversationId(), given.messageId());
        synchronized (this) {
            Feedback earlier = feedback.get(key);
            Feedback stored = new Feedback(
                    earlier == null ? Ids.newId(clock) : earlier.id(),
                    given.userId(),
                    given.conversationId(),
                    given.messageId(),
                    given.rating(),
                    given.comment(),
                    model,
                    earlier == null ? now : earlier.createdAt(),
                    now);
            feedback.put(key, stored);
            return stored;
        }
    }

    @Override
    public synchronized Optional<Feedback> find(UUID userId, UUID conversationId, UUID messageId) {
        return Optional.ofNullable(feedback.get(new Key(userId, conversationId, messageId)));
    }

    @Override
    public synchronized List<Feedback> ofConversation(UUID conversationId) {
        return feedback.values().stream()
                .filter(f -> f.conversationId().equals(conversationId))
                .sorted(Comparator.comparing(Feedback::id))
                .toList();
    }

    @Override
    public synchronized boolean withdraw(UUID feedbackId) {
        return feedback.values().removeIf(f -> f.id().equals(feedbackId));
    }

    @Override
    public synchronized SortedMap<String, FeedbackStats> byModel(Instant from, Instant to) {
        return group(from, to, f -> f.model(), true);
    }

    @Override
    public synchronized SortedMap<LocalDate, FeedbackStats> byDay(Instant from, Instant to) {
        return group(from, to, f -> LocalDate.ofInstant(f.updatedAt(), ZoneOffset.UTC), false);
    }

    private <K> SortedMap<K, FeedbackStats> group(
            Instant from, Instant to, Function<Feedback, K> key, boolean withKeyOnly) {
        Map<K, List<Feedback>> groups = feedback.values().stream()
                .filter(f -> HalfOpen.contains(from, to, f.updatedAt()))
                .filter(f -> !withKeyOnly || key.apply(f) != null)
                .collect(Collectors.groupingBy(key));
        SortedMap<K, FeedbackStats> stats = new TreeMap<>();
        groups.forEach((k, list) -> stats.put(k, stats(list)));
        return stats;
    }

    private static FeedbackStats stats(List<Feedback> list) {
        return new FeedbackStats(
                list.size(),
                list.stream().mapToInt(Feedback::rating).average().orElse(0),
                list.stream().filter(f -> f.rating() >= 4).count(),
                list.stream().filter(f -> f.rating() <= 2).count());
    }

    /** The feedback last given in {@code [from, to)}. */
    synchronized List<Feedback> updatedIn(Instant from, Instant to) {
        return feedback.values().stream()
                .filter(f -> HalfOpen.contains(from, to, f.updatedAt()))
                .toList();
    }

    private synchronized void forget(Predicate<Feedback> gone) {
        feedback.values().removeIf(gone);
    }
}

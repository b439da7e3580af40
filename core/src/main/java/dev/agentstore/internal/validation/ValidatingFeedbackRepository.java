package dev.agentstore.internal.validation;

import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.FeedbackStats;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/** Checks every argument before the backend sees it. */
public final class ValidatingFeedbackRepository implements FeedbackRepository {
    private final OpenGuard open;
    private final FeedbackRepository backend;

    public ValidatingFeedbackRepository(OpenGuard open, FeedbackRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public Feedback give(NewFeedback feedback) {
        open.check();
        return backend.give(Check.present("feedback", feedback));
    }

    @Override
    public Optional<Feedback> find(UUID userId, UUID conversationId, UUID messageId) {
        open.check();
        return backend.find(Check.id("userId", userId), Check.id("conversationId", conversationId), messageId);
    }

    @Override
    public List<Feedback> ofConversation(UUID conversationId) {
        open.check();
        return backend.ofConversation(Check.id("conversationId", conversationId));
    }

    @Override
    public boolean withdraw(UUID feedbackId) {
        open.check();
        return backend.withdraw(Check.id("feedbackId", feedbackId));
    }

    @Override
    public SortedMap<String, FeedbackStats> byModel(Instant from, Instant to) {
        open.check();
        Check.timeRange("from", from, "to", to);
        return backend.byModel(from, to);
    }

    @Override
    public SortedMap<LocalDate, FeedbackStats> byDay(Instant from, Instant to) {
        open.check();
        Check.timeRange("from", from, "to", to);
        return backend.byDay(from, to);
    }
}

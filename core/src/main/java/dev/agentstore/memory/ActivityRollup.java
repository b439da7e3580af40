package dev.agentstore.memory;

import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.internal.HalfOpen;
import dev.agentstore.metrics.ActivityDimension;
import dev.agentstore.metrics.DailyActivity;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.model.ModelPricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The in-memory reference for one day's activity per agent and per user, computed from a snapshot of the tenant's
 * active conversations, the day's LLM metrics and feedback, exactly as PostgreSQL's rollup statement does.
 */
final class ActivityRollup {
    private final LocalDate day;
    private final Instant from;
    private final Instant to;
    private final Map<Conversation, List<Message>> active;
    private final List<LlmRequestMetric> requests;
    private final List<Feedback> feedback;
    private final Function<UUID, Conversation> conversation;
    private final Function<String, Optional<ModelPricing>> pricing;

    /**
     * @param active the conversations active since the day began, with their stored messages
     * @param requests the LLM metrics recorded that day
     * @param feedback the feedback last given that day
     * @param conversation a stored conversation by id, or null
     * @param pricing a model's pricing by name
     */
    ActivityRollup(
            LocalDate day,
            Map<Conversation, List<Message>> active,
            List<LlmRequestMetric> requests,
            List<Feedback> feedback,
            Function<UUID, Conversation> conversation,
            Function<String, Optional<ModelPricing>> pricing) {
        this.day = day;
        this.from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.active = active;
        this.requests = requests;
        this.feedback = feedback;
        this.conversation = conversation;
        this.pricing = pricing;
    }

    /** The day's rows of {@code dimension}, one per subject with any activity. */
    List<DailyActivity> rows(ActivityDimension dimension) {
        Map<UUID, Tally> tallies = new HashMap<>();
        Function<Conversation, Tally> tally = c -> tallies.computeIfAbsent(subject(dimension, c), s -> new Tally());
        active.forEach((c, messages) -> {
            if (HalfOpen.contains(from, to, c.createdAt())) {
                tally.apply(c).newConversations++;
            }
            for (Message m : messages) {
                if (HalfOpen.contains(from, to, m.createdAt())) {
                    tally.apply(c).message(c, m);
                }
            }
        });
        for (LlmRequestMetric m : requests) {
            Conversation c = m.conversationId() == null ? null : conversation.apply(m.conversationId());
            if (c != null) {
                tally.apply(c).request(m, pricing.apply(m.model()));
            }
        }
        for (Feedback f : feedback) {
            Conversation c = conversation.apply(f.conversationId());
            if (c != null) {
                tally.apply(c).rating(f.rating());
            }
        }
        List<DailyActivity> rows = new ArrayList<>();
        tallies.forEach((subject, t) -> rows.add(t.row(day, dimension, subject == NO_AGENT ? null : subject)));
        return rows;
    }

    /** The key of the agent row of conversations without an agent (a map key cannot be null). */
    private static final UUID NO_AGENT = new UUID(0, 0);

    private static UUID subject(ActivityDimension dimension, Conversation c) {
        return switch (dimension) {
            case AGENT -> c.agentId() == null ? NO_AGENT : c.agentId();
            case USER -> c.userId();
        };
    }

    /** One subject's counts, filled as the day's rows go by. */
    private static final class Tally {
        final Set<UUID> conversations = new HashSet<>();
        final Set<UUID> sessions = new HashSet<>();
        final Set<UUID> users = new HashSet<>();
        long newConversations;
        long messages;
        long userMessages;
        long assistantMessages;
        long messageTokens;
        long llmRequests;
        long llmTokens;
        final SortedMap<String, BigDecimal> cost = new TreeMap<>();
        long ratings;
        long ratingSum;

        void message(Conversation c, Message m) {
            conversations.add(c.id());
            if (c.sessionId() != null) {
                sessions.add(c.sessionId());
            }
            messages++;
            messageTokens += m.tokenCount();
            if (m.role() == MessageRole.USER) {
                userMessages++;
                users.add(c.userId());
            } else if (m.role() == MessageRole.ASSISTANT) {
                assistantMessages++;
            }
        }

        void request(LlmRequestMetric m, Optional<ModelPricing> price) {
            llmRequests++;
            llmTokens += m.promptTokens() + (long) m.completionTokens();
            price.ifPresent(
                    p -> cost.merge(p.currency(), p.cost(m.promptTokens(), m.completionTokens()), BigDecimal::add));
        }

        void rating(int rating) {
            ratings++;
            ratingSum += rating;
        }

        DailyActivity row(LocalDate day, ActivityDimension dimension, UUID subject) {
            return new DailyActivity(
                    day,
                    dimension,
                    subject,
                    conversations.size(),
                    newConversations,
                    sessions.size(),
                    messages,
                    userMessages,
                    assistantMessages,
                    messageTokens,
                    users.size(),
                    llmRequests,
                    llmTokens,
                    cost,
                    ratings,
                    ratings == 0 ? null : ratingSum / (double) ratings);
        }
    }
}

package dev.agentstore.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One UTC day of one agent's or one user's activity (seed 003's {@code user_chatbot_metrics}, seed 002's
 * {@code analytics_usage}, seed 001's engagement), computed by {@link MetricsRepository#rollupActivity} from the
 * day's raw rows and stored, so reading many days scans no raw table. Messages count as of their creation time,
 * whatever happened to them later (edits, tombstones, branches); a feedback counts on the day it was last given.
 *
 * @param day the day
 * @param dimension whether {@link #subjectId} is an agent or a user
 * @param subjectId the agent's or user's id; null on the agent row of conversations without an agent
 * @param activeConversations conversations with a message created that day
 * @param newConversations conversations created that day
 * @param sessions distinct chat sessions of the active conversations
 * @param messages messages created that day
 * @param userMessages of which by the user
 * @param assistantMessages of which by the assistant
 * @param messageTokens the token counts of those messages, summed
 * @param activeUsers distinct users who sent a message that day
 * @param llmRequests LLM requests recorded that day for the subject's conversations
 * @param llmTokens their prompt plus completion tokens
 * @param costByCurrency their cost at the models' pricing, per currency (never added across currencies)
 * @param ratings feedback given that day on the subject's conversations
 * @param averageRating their mean rating, 1 to 5, or null without feedback
 */
public record DailyActivity(
        LocalDate day,
        ActivityDimension dimension,
        UUID subjectId,
        long activeConversations,
        long newConversations,
        long sessions,
        long messages,
        long userMessages,
        long assistantMessages,
        long messageTokens,
        long activeUsers,
        long llmRequests,
        long llmTokens,
        SortedMap<String, BigDecimal> costByCurrency,
        long ratings,
        Double averageRating) {
    /**
     * The order repositories return rows in: dimension, day, then subject, the row without a subject (conversations
     * without an agent) first and ids compared as their text (PostgreSQL's uuid order too).
     */
    public static final Comparator<DailyActivity> ORDER = Comparator.comparing(DailyActivity::dimension)
            .thenComparing(DailyActivity::day)
            .thenComparing(DailyActivity::subjectId, Comparator.nullsFirst(Comparator.comparing(UUID::toString)));

    /** Copies the costs into an unmodifiable map sorted by currency; null is none. */
    public DailyActivity {
        costByCurrency = Collections.unmodifiableSortedMap(
                costByCurrency == null ? new TreeMap<>() : new TreeMap<>(costByCurrency));
    }

    /** The cost in {@code currency}, or zero when nothing was priced in it. */
    public BigDecimal cost(String currency) {
        return costByCurrency.getOrDefault(currency, BigDecimal.ZERO);
    }
}

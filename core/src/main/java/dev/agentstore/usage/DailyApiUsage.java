package dev.agentstore.usage;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The calls of one UTC day by one API key and user.
 *
 * @param day the day
 * @param apiKeyId the key, or null for calls made without one
 * @param userId the user, or null for calls made without one
 * @param stats their aggregates
 */
public record DailyApiUsage(LocalDate day, UUID apiKeyId, UUID userId, ApiUsageStats stats) {}

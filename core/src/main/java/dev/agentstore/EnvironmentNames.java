package dev.agentstore;

import java.util.List;
import java.util.Locale;

/**
 * How an {@code AGENTSTORE_*} environment variable names a property: a known group prefix becomes the property's
 * dotted prefix ({@code POSTGRES_POOL_SIZE} is {@code postgres.pool-size}, {@code RATE_LIMIT_ON_FAILURE} is
 * {@code rate-limit.on-failure}), and the rest is lower-cased with dashes for underscores. Encryption key ids
 * keep their spelling ({@code ENCRYPTION_KEY_K2024} is {@code encryption.key.K2024}).
 */
final class EnvironmentNames {
    /** Longest first, so ENCRYPTION_KEY_ wins over ENCRYPTION_. */
    private static final List<Group> GROUPS = List.of(
            new Group("ENCRYPTION_KEY_", "encryption.key.", false),
            new Group("ENCRYPTION_", "encryption.", true),
            new Group("POSTGRES_", "postgres.", true),
            new Group("PGVECTOR_", "pgvector.", true),
            new Group("REDIS_", "redis.", true),
            new Group("PROVIDER_", "provider.", true),
            new Group("SECURITY_", "security.", true),
            new Group("RATE_LIMIT_", "rate-limit.", true),
            new Group("TIME_WINDOW_", "time-window.", true),
            new Group("LIMITS_", "limits.", true));

    private EnvironmentNames() {}

    /** The property for the variable named {@code AGENTSTORE_} + {@code suffix}. */
    static String toProperty(String suffix) {
        for (Group group : GROUPS) {
            if (suffix.startsWith(group.variablePrefix())) {
                String rest = suffix.substring(group.variablePrefix().length());
                return group.propertyPrefix() + (group.dashed() ? dashed(rest) : rest);
            }
        }
        return dashed(suffix);
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private record Group(String variablePrefix, String propertyPrefix, boolean dashed) {}
}

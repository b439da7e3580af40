package dev.agentstore;

import java.util.Locale;

/** Maps environment variable suffixes to property names: {@code POSTGRES_POOL_SIZE} to {@code postgres.pool-size}. */
final class EnvironmentNames {
    private static final String[] GROUPS = {
        "POSTGRES_", "PGVECTOR_", "REDIS_", "PROVIDER_", "ENCRYPTION_KEY_", "ENCRYPTION_"
    };

    private EnvironmentNames() {}

    static String toProperty(String suffix) {
        for (String group : GROUPS) {
            if (suffix.startsWith(group)) {
                String head = group.substring(0, group.length() - 1)
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                String rest = suffix.substring(group.length());
                String tail = group.equals("ENCRYPTION_KEY_") ? rest : dashed(rest);
                return head + "." + tail;
            }
        }
        return dashed(suffix);
    }

    private static String dashed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

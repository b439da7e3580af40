package dev.agentstore;

import java.util.Map;

/**
 * The state of each backend behind a store.
 *
 * @param components provider id to its status line ("up", or "down: reason"), unmodifiable
 */
public record Health(Map<String, String> components) {
    /** Copies the map. */
    public Health {
        components = Map.copyOf(components);
    }

    /** Whether every component is up. */
    public boolean isUp() {
        return components.values().stream().allMatch("up"::equals);
    }
}

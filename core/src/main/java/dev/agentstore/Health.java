package dev.agentstore;

import java.util.Map;

/**
 * The state of each backend behind a store.
 *
 * @param components provider id to its status line ("up", or "down: reason"), unmodifiable
 * @param details what a backend reports beside its status line without being down, such as each read replica in use
 *     or skipped while the primary answers: keyed by the provider id, a dot and the detail's name ({@code
 *     postgres.replica-1}), each a line without secrets; unmodifiable, empty when no backend has any
 */
public record Health(Map<String, String> components, Map<String, String> details) {
    /** Copies the maps. */
    public Health {
        components = Map.copyOf(components);
        details = Map.copyOf(details);
    }

    /** The state of {@code components}, without details. */
    public Health(Map<String, String> components) {
        this(components, Map.of());
    }

    /** Whether every component is up; details never make a store down. */
    public boolean isUp() {
        return components.values().stream().allMatch("up"::equals);
    }
}

package dev.agentstore.state;

import dev.agentstore.internal.Variants;
import java.util.List;
import java.util.Optional;

/**
 * Feature flags with typed values per scope, and stable A/B variants. Thread-safe.
 */
public interface FeatureFlags {

    /**
     * Sets a flag's value in a scope, replacing any value there. A {@link FlagScope.Level#GLOBAL} value applies to
     * every tenant, so only the root store may set it: through a tenant view ({@code store.forTenant(...)}) it is
     * refused with {@link dev.agentstore.InvalidInputException} naming {@code scope}.
     */
    void set(String flag, FlagScope scope, FlagValue value);

    /**
     * Removes a flag's value from a scope; a {@link FlagScope.Level#GLOBAL} value only through the root store, as
     * for {@link #set}.
     *
     * @return whether there was one
     */
    boolean clear(String flag, FlagScope scope);

    /**
     * Removes every value set for one user ({@link FlagScope#user}) on every flag of the tenant: what erasing a user
     * does for the ids it goes by.
     *
     * @return how many values were removed
     */
    int clearUser(String userId);

    /** The value for {@code context}: the user's, else the channel's, else the tenant's, else the global one. */
    Optional<FlagValue> evaluate(String flag, FlagContext context);

    /** Whether a boolean flag is on for {@code context}; false when unset. */
    default boolean isEnabled(String flag, FlagContext context) {
        return evaluate(flag, context).map(v -> v.as(Boolean.class)).orElse(false);
    }

    /**
     * A variant of an experiment for a user: the same user always gets the same variant (across JVMs and
     * backends), and users spread evenly over the variants.
     *
     * @param variants 1 to 100 distinct variant names
     */
    default String variant(String experiment, String userId, List<String> variants) {
        return Variants.pick(experiment, userId, variants);
    }
}

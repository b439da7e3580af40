package dev.agentstore.internal.validation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import java.util.Optional;

/**
 * Checks every argument before the backend sees it, and keeps global values, which every tenant reads, to the root
 * store: a tenant view may not set or clear them.
 */
public final class ValidatingFeatureFlags implements FeatureFlags {
    private final OpenGuard open;
    private final FeatureFlags backend;
    private final boolean root;

    /** Flags of the root store ({@code root}) or of a tenant view. */
    public ValidatingFeatureFlags(OpenGuard open, FeatureFlags backend, boolean root) {
        this.open = open;
        this.backend = backend;
        this.root = root;
    }

    @Override
    public void set(String flag, FlagScope scope, FlagValue value) {
        open.check();
        backend.set(Check.name("flag", flag), writable(scope), Check.present("value", value));
    }

    @Override
    public boolean clear(String flag, FlagScope scope) {
        open.check();
        return backend.clear(Check.name("flag", flag), writable(scope));
    }

    @Override
    public int clearUser(String userId) {
        open.check();
        return backend.clearUser(FlagScope.user(userId).id()); // the scope's own rule names the field
    }

    private FlagScope writable(FlagScope scope) {
        Check.present("scope", scope);
        if (scope.level() == FlagScope.Level.GLOBAL && !root) {
            throw new InvalidInputException(
                    "scope", "GLOBAL applies to every tenant: set or clear it on the root store, not on a tenant view");
        }
        return scope;
    }

    @Override
    public Optional<FlagValue> evaluate(String flag, FlagContext context) {
        open.check();
        return backend.evaluate(Check.name("flag", flag), Check.present("context", context));
    }
}

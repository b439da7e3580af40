package dev.agentstore.internal.validation;

import dev.agentstore.internal.Check;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import java.util.Optional;

/** Checks every argument before the backend sees it. */
public final class ValidatingFeatureFlags implements FeatureFlags {
    private final FeatureFlags backend;

    public ValidatingFeatureFlags(FeatureFlags backend) {
        this.backend = backend;
    }

    @Override
    public void set(String flag, FlagScope scope, FlagValue value) {
        backend.set(Check.name("flag", flag), Check.present("scope", scope), Check.present("value", value));
    }

    @Override
    public boolean clear(String flag, FlagScope scope) {
        return backend.clear(Check.name("flag", flag), Check.present("scope", scope));
    }

    @Override
    public Optional<FlagValue> evaluate(String flag, FlagContext context) {
        return backend.evaluate(Check.name("flag", flag), Check.present("context", context));
    }
}

package dev.agentstore.internal.validation;

import dev.agentstore.Limits;
import dev.agentstore.context.AssembledContext;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.util.UUID;

/** Checks arguments before they reach the backend. */
public final class ValidatingContextAssembler implements ContextAssembler {
    private final OpenGuard open;
    private final ContextAssembler backend;

    public ValidatingContextAssembler(OpenGuard open, ContextAssembler backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public AssembledContext assembleContext(UUID conversationId, int tokenBudget, ContextOptions options) {
        open.check();
        return backend.assembleContext(
                Check.id("conversationId", conversationId),
                Check.range("tokenBudget", tokenBudget, 1, Limits.MAX_TOKENS),
                Check.present("options", options));
    }
}

package dev.agentstore.internal.validation;

import dev.agentstore.conversation.ConversationSummary;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Checks arguments before they reach the backend. */
public final class ValidatingSummaryRepository implements SummaryRepository {
    private final OpenGuard open;
    private final SummaryRepository backend;

    public ValidatingSummaryRepository(OpenGuard open, SummaryRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public ConversationSummary record(UUID conversationId, NewSummary summary) {
        open.check();
        return backend.record(Check.id("conversationId", conversationId), Check.present("summary", summary));
    }

    @Override
    public Optional<ConversationSummary> latest(UUID conversationId, int branch) {
        open.check();
        return backend.latest(
                Check.id("conversationId", conversationId), Check.range("branch", branch, 0, Integer.MAX_VALUE));
    }

    @Override
    public List<ConversationSummary> history(UUID conversationId) {
        open.check();
        return backend.history(Check.id("conversationId", conversationId));
    }
}

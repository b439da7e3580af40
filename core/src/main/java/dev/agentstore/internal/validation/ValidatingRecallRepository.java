package dev.agentstore.internal.validation;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.recall.RecallScope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks arguments before they reach the backend. */
public final class ValidatingRecallRepository implements RecallRepository {
    /** The most embeddings one call stores. */
    static final int MAX_EMBEDDINGS = 1_000;

    private final OpenGuard open;
    private final RecallRepository backend;

    public ValidatingRecallRepository(OpenGuard open, RecallRepository backend) {
        this.open = open;
        this.backend = backend;
    }

    @Override
    public void enable(RecallScope scope) {
        open.check();
        backend.enable(Check.present("scope", scope));
    }

    @Override
    public boolean disable(RecallScope scope) {
        open.check();
        return backend.disable(Check.present("scope", scope));
    }

    @Override
    public boolean isEnabled(RecallScope scope) {
        open.check();
        return backend.isEnabled(Check.present("scope", scope));
    }

    @Override
    public int embed(UUID conversationId, List<MessageEmbedding> embeddings) {
        open.check();
        Check.id("conversationId", conversationId);
        Check.batch("embeddings", embeddings, MAX_EMBEDDINGS);
        if (embeddings.isEmpty()) {
            throw new InvalidInputException("embeddings", "must hold at least one embedding");
        }
        Set<UUID> seen = new HashSet<>();
        for (MessageEmbedding embedding : embeddings) {
            if (!seen.add(embedding.messageId())) {
                throw new InvalidInputException(
                        "embeddings", "names message " + embedding.messageId() + " twice; give one per message");
            }
        }
        return backend.embed(conversationId, List.copyOf(embeddings));
    }

    @Override
    public List<RecallHit> recall(RecallQuery query) {
        open.check();
        return backend.recall(Check.present("query", query));
    }
}

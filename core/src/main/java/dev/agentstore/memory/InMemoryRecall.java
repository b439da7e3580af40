package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallHit;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.spi.TextMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Recall over one tenant's messages in memory, exact: every candidate's cosine similarity is computed. An embedding
 * counts only while its message is live at the revision it was made from, and goes with its message, conversation or
 * user.
 */
final class InMemoryRecall implements RecallRepository {
    private static final Comparator<Message> NEWEST_FIRST =
            Comparator.comparing(Message::createdAt).thenComparing(Message::id).reversed();

    private final InMemoryConversationRepository conversations;
    private final Predicate<UUID> agentExists;
    private final Set<RecallScope> scopes = new HashSet<>();
    private final Map<UUID, Embedded> embeddings = new HashMap<>();

    /** An embedding, the conversation of its message and the revision of the text it was made from. */
    private record Embedded(UUID conversationId, int revision, float[] vector) {}

    InMemoryRecall(
            InMemoryConversationRepository conversations, Predicate<UUID> agentExists, RemovalListeners removals) {
        this.conversations = conversations;
        this.agentExists = agentExists;
        removals.add(this::forgetUser, this::forgetConversation);
        removals.onMessagesRemoved(this::forgetMessages);
        removals.onAgentDeleted(agent -> forgetScope(RecallScope.agent(agent)));
    }

    @Override
    public void enable(RecallScope scope) {
        boolean exists = scope.kind() == RecallScope.Kind.USER
                ? conversations.findUser(scope.id()).isPresent()
                : agentExists.test(scope.id());
        if (!exists) {
            throw new NotFoundException("no " + scope.kind().name().toLowerCase() + " with id " + scope.id());
        }
        synchronized (this) {
            scopes.add(scope);
        }
    }

    @Override
    public boolean disable(RecallScope scope) {
        Set<UUID> embedded;
        synchronized (this) {
            if (!scopes.remove(scope)) {
                return false;
            }
            embedded = new HashSet<>();
            embeddings.values().forEach(e -> embedded.add(e.conversationId()));
        }
        // conversations are read outside this lock: their repository calls in under its own when it removes data
        Map<UUID, Conversation> stored = new HashMap<>();
        embedded.forEach(id -> stored.put(id, conversations.stored(id)));
        synchronized (this) {
            embeddings.values().removeIf(e -> !inScope(stored.get(e.conversationId())));
        }
        return true;
    }

    @Override
    public synchronized boolean isEnabled(RecallScope scope) {
        return scopes.contains(scope);
    }

    @Override
    public int embed(UUID conversationId, List<MessageEmbedding> given) {
        Conversation conversation = conversations.requireConversation(conversationId);
        Map<UUID, Message> live = new HashMap<>();
        conversations.live(conversationId).forEach(m -> live.put(m.id(), m));
        for (MessageEmbedding embedding : given) {
            Message message = live.get(embedding.messageId());
            if (message == null) {
                throw new NotFoundException(
                        "conversation " + conversationId + " has no live message " + embedding.messageId());
            }
            if (!isTurn(message)) {
                throw new InvalidInputException(
                        "embeddings",
                        "names message " + message.id() + ", which is not a user or assistant turn without tool calls");
            }
        }
        synchronized (this) {
            if (!inScope(conversation)) {
                throw new ConflictException(
                        "recall is not enabled for the user or the agent of conversation " + conversationId);
            }
            for (MessageEmbedding embedding : given) {
                Message message = live.get(embedding.messageId());
                embeddings.put(message.id(), new Embedded(conversationId, message.revision(), embedding.vector()));
            }
        }
        return given.size();
    }

    @Override
    public List<RecallHit> recall(RecallQuery query) {
        Set<RecallScope> enabled;
        Map<UUID, Embedded> vectors;
        synchronized (this) {
            enabled = Set.copyOf(scopes);
            vectors = new HashMap<>(embeddings);
        }
        // conversations are read outside this lock: their repository calls in under its own when it removes data
        Map<UUID, List<Message>> turnsOf = new HashMap<>();
        List<Message> candidates = new ArrayList<>();
        for (Conversation c : conversations.undeletedOf(query.userId())) {
            if (inScope(c, enabled)) {
                List<Message> turns = conversations.live(c.id()).stream()
                        .filter(InMemoryRecall::isTurn)
                        .filter(m -> !excluded(query, m))
                        .toList();
                turnsOf.put(c.id(), turns);
                turns.stream()
                        .filter(m -> query.filter() == null || query.filter().test(m.metadata()))
                        .forEach(candidates::add);
            }
        }
        // recall ranks the embedded turns, at the text they were embedded from
        List<Message> embedded = candidates.stream()
                .filter(m -> vectors.containsKey(m.id()) && vectors.get(m.id()).revision() == m.revision())
                .toList();
        List<Message> byVector = query.vector() == null ? List.of() : byVector(embedded, vectors, query);
        List<Message> byText = query.text() == null ? List.of() : byText(embedded, query);
        Set<Message> pool = new LinkedHashSet<>(byVector);
        pool.addAll(byText);
        List<Message> byTime = pool.stream().sorted(NEWEST_FIRST).toList();
        Map<Message, Double> scores = new HashMap<>();
        for (Message m : pool) {
            scores.put(m, query.weights().score(rank(byVector, m), rank(byText, m), rank(byTime, m)));
        }
        return pool.stream()
                .sorted(Comparator.comparing((Message m) -> -scores.get(m)).thenComparing(NEWEST_FIRST))
                .limit(query.limit())
                .map(m -> hit(m, scores.get(m), turnsOf.get(m.conversationId()), query.neighbours()))
                .toList();
    }

    private static List<Message> byVector(List<Message> candidates, Map<UUID, Embedded> vectors, RecallQuery query) {
        float[] q = query.vector();
        Map<Message, Double> distance = new HashMap<>();
        for (Message m : candidates) {
            Embedded e = vectors.get(m.id());
            if (e.vector().length == q.length) {
                distance.put(m, cosineDistance(q, e.vector()));
            }
        }
        return distance.keySet().stream()
                .sorted(Comparator.comparing((Message m) -> distance.get(m)).thenComparing(NEWEST_FIRST))
                .limit(query.candidates())
                .toList();
    }

    private static List<Message> byText(List<Message> candidates, RecallQuery query) {
        List<String> words = TextMatch.words(query.text());
        Map<Message, Double> relevance = new HashMap<>();
        for (Message m : candidates) {
            double score = TextMatch.anyScore(words, m.content());
            if (score > 0) {
                relevance.put(m, score);
            }
        }
        return relevance.keySet().stream()
                .sorted(Comparator.comparing((Message m) -> -relevance.get(m)).thenComparing(NEWEST_FIRST))
                .limit(query.candidates())
                .toList();
    }

    private static RecallHit hit(Message message, double score, List<Message> turns, int neighbours) {
        int at = turns.indexOf(message);
        return new RecallHit(
                message,
                score,
                turns.subList(Math.max(0, at - neighbours), at),
                turns.subList(at + 1, Math.min(turns.size(), at + 1 + neighbours)));
    }

    private static int rank(List<Message> ranking, Message m) {
        return ranking.indexOf(m) + 1;
    }

    private static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return 1 - dot / (Math.sqrt(normA) * Math.sqrt(normB));
    }

    /** Whether recall considers the message: a user or assistant turn without tool calls. */
    private static boolean isTurn(Message m) {
        return (m.role() == MessageRole.USER || m.role() == MessageRole.ASSISTANT)
                && m.toolCalls().isEmpty();
    }

    private static boolean excluded(RecallQuery query, Message m) {
        return m.conversationId().equals(query.excludedConversation()) && m.sequence() >= query.excludedFrom();
    }

    private boolean inScope(Conversation c) {
        return inScope(c, scopes);
    }

    private static boolean inScope(Conversation c, Set<RecallScope> enabled) {
        return c != null
                && (enabled.contains(RecallScope.user(c.userId()))
                        || (c.agentId() != null && enabled.contains(RecallScope.agent(c.agentId()))));
    }

    private synchronized void forgetUser(UUID userId) {
        scopes.remove(RecallScope.user(userId));
    }

    private void forgetScope(RecallScope scope) {
        synchronized (this) {
            scopes.remove(scope);
        }
    }

    private synchronized void forgetConversation(UUID conversationId) {
        embeddings.values().removeIf(e -> e.conversationId().equals(conversationId));
    }

    private synchronized void forgetMessages(Set<UUID> messageIds) {
        embeddings.keySet().removeAll(messageIds);
    }
}

package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.conversation.ContextWindow;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.UsageStats;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelPricing;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.RateLimit;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.SearchMatch;
import dev.agentstore.vector.SearchRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every area of agentstore in a few lines each: conversations, models, metrics, security, vectors, the
 * response cache and fast state. Run it with the command in the README; it uses the in-memory backend unless
 * {@code AGENTSTORE_POSTGRES_URL} / {@code AGENTSTORE_REDIS_URL} point at servers.
 */
public final class QuickStart {
    private final AgentStore store;
    private final PrintStream out;

    private QuickStart(AgentStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    /** Opens the store from the environment and runs the tour on it. */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, System.out);
        }
    }

    /** Runs the tour on an open store, printing what it does. */
    public static void run(AgentStore store, PrintStream out) {
        QuickStart tour = new QuickStart(store, out);
        User alice = tour.conversations();
        tour.models();
        tour.metrics();
        tour.security(alice);
        tour.vectors();
        tour.responseCache();
        tour.fastState(alice);
    }

    private User conversations() {
        ConversationRepository chats = store.conversations();
        User alice = chats.upsertUser(NewUser.of("web", "alice"));
        Conversation chat =
                chats.createConversation(NewConversation.forUser(alice.id()).withTitle("Trip to Oslo"));
        chats.appendAll(
                chat.id(),
                List.of(
                        NewMessage.system("You are a concise travel assistant.", 8),
                        NewMessage.user("What should I see in Oslo in winter?", 11),
                        NewMessage.assistant("The Opera House roof, Vigeland Park in snow, and the Fram Museum.", 17),
                        NewMessage.user("And where can I go skiing near the city?", 10)));
        ContextWindow window = chats.contextWindow(chat.id(), 30);
        out.printf(
                "conversations: '%s' holds %d messages; a 30-token window keeps %d of them (%d tokens)%n",
                chat.title(),
                chats.lastMessages(chat.id(), 100).size(),
                window.messages().size(),
                window.totalTokens());
        out.printf(
                "conversations: search 'skiing' finds \"%s\"%n",
                chats.search(alice.id(), "skiing", 5).get(0).message().content());
        return alice;
    }

    private void models() {
        LlmModel model = store.models()
                .register(ModelSpec.builder("llama-3.1-8b-instruct", ModelFormat.GGUF)
                        .parameterCount(8_000_000_000L)
                        .quantization("Q4_K_M")
                        .contextLength(131_072)
                        .pricing(ModelPricing.usd("0.0002", "0.0006"))
                        .build());
        store.models().markUsed(model.id());
        out.printf(
                "models: registered %s (%s, %s, %,d-token context), active=%s%n",
                model.name(),
                model.spec().format(),
                model.spec().quantization(),
                model.spec().contextLength(),
                model.active());
    }

    private void metrics() {
        Instant now = Instant.now();
        List<LlmRequestMetric> requests = List.of(
                LlmRequestMetric.success(
                        UUID.randomUUID(), now.minusSeconds(30), "llama-3.1-8b-instruct", 120, 80, 900),
                LlmRequestMetric.success(
                        UUID.randomUUID(), now.minusSeconds(20), "llama-3.1-8b-instruct", 300, 150, 1600),
                LlmRequestMetric.success(
                        UUID.randomUUID(), now.minusSeconds(10), "llama-3.1-8b-instruct", 90, 40, 500));
        store.metrics().recordLlmBatch(requests);
        UsageStats usage = store.metrics()
                .usageByModel(MetricQuery.between(now.minusSeconds(60), now))
                .get("llama-3.1-8b-instruct");
        out.printf(
                "metrics: %d requests, %d tokens, p50 latency %.0f ms, p95 %.0f ms%n",
                usage.requests(), usage.totalTokens(), usage.p50LatencyMillis(), usage.p95LatencyMillis());
    }

    private void security(User alice) {
        var security = store.security();
        Secret password = Secret.of("correct horse battery staple");
        security.createCredential(new NewCredential("alice", "alice@example.com", password));
        var good = security.verifyPassword("alice", password, LoginContext.unknown());
        var bad = security.verifyPassword("alice", Secret.of("wrong password, long enough"), LoginContext.unknown());
        IssuedApiKey key = security.createApiKey(new NewApiKey(
                alice.id(), "ci-bot", Set.of("chat:write"), Instant.now().plus(Duration.ofDays(30))));
        boolean keyWorks = security.verifyApiKey(key.rawKey()).isPresent();
        out.printf(
                "security: right password -> %s, wrong password -> %s, API key %s... verifies=%s%n",
                good.status(), bad.status(), key.key().prefix(), keyWorks);
    }

    private void vectors() {
        var vectors = store.vectors();
        vectors.createCollection(CollectionSpec.of("travel_notes", 3));
        vectors.upsert(
                "travel_notes",
                List.of(
                        new Chunk(
                                "n1",
                                "oslo",
                                "Holmenkollen ski jump and trails",
                                new float[] {0.9f, 0.1f, 0.0f},
                                Map.of("city", "Oslo", "season", "winter")),
                        new Chunk(
                                "n2",
                                "oslo",
                                "Fjord boat tours in summer",
                                new float[] {0.1f, 0.9f, 0.1f},
                                Map.of("city", "Oslo", "season", "summer")),
                        new Chunk(
                                "n3",
                                "bergen",
                                "Skiing at Voss near Bergen",
                                new float[] {0.8f, 0.2f, 0.1f},
                                Map.of("city", "Bergen", "season", "winter"))));
        SearchRequest skiing = new SearchRequest(new float[] {1f, 0f, 0f}, 2, 0.0, Filter.eq("city", "Oslo"));
        SearchMatch best = vectors.search("travel_notes", skiing).get(0);
        out.printf(
                "vectors: best Oslo match for 'skiing' is \"%s\" (score %.2f)%n",
                best.chunk().content(), best.score());
    }

    private void responseCache() {
        ResponseCache cache = store.responseCache();
        CacheKey key = CacheKey.of("llama-3.1-8b-instruct", Map.of("temperature", 0.2), "Capital of Norway?");
        cache.put(key, "Oslo.", Duration.ofHours(1), Map.of());
        cache.get(key);
        var hit = cache.get(key).orElseThrow();
        out.printf("response cache: '%s' served from cache, %d hits%n", hit.response(), hit.hitCount());
    }

    private void fastState(User alice) {
        String userId = alice.id().toString();
        store.sessions().put("web-session-1", Map.of("user", userId), Duration.ofMinutes(30));
        var limit = RateLimit.of(2, Duration.ofMinutes(1));
        store.rateLimits().tryAcquire("chat:" + userId, limit);
        store.rateLimits().tryAcquire("chat:" + userId, limit);
        var third = store.rateLimits().tryAcquire("chat:" + userId, limit);
        store.presence().markActive("room:oslo", userId, Duration.ofMinutes(5));
        store.featureFlags().set("streaming", FlagScope.global(), FlagValue.of(true));
        boolean streaming = store.featureFlags().isEnabled("streaming", FlagContext.of(userId, "web"));
        String variant = store.featureFlags().variant("prompt-style", userId, List.of("terse", "friendly"));
        out.printf(
                "fast state: session cached=%s, third request allowed=%s (retry after %ds), %d online, streaming=%s,"
                        + " prompt variant=%s%n",
                store.sessions().get("web-session-1").isPresent(),
                third.allowed(),
                third.retryAfter().toSeconds(),
                store.presence().count("room:oslo"),
                streaming,
                variant);
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.run.RunUsage;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.ResetTokenDelivery;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Ids;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.SearchRequest;
import dev.agentstore.vector.VectorRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public repository method, called through the store with one argument at a time replaced by a bad value
 * (null, blank, NUL, lone surrogates, huge text, SQL metacharacters, unknown ids, NaN and infinite numbers,
 * out-of-range times and limits, null elements) while the other arguments are valid: the only exceptions that
 * may come out are {@link InvalidInputException} and {@link NotFoundException}, and a call that throws changes
 * nothing the backend stores ({@link #fingerprint()} before and after). A bad value the API accepts as data (an
 * apostrophe in a name) may succeed.
 */
public abstract class BadInputSweepContract extends StoreContract {
    private static final Secret PASSWORD = Secret.of("a long enough password for the sweep");
    private static final List<Class<?>> REPOSITORIES = List.of(
            ConversationRepository.class,
            RunRepository.class,
            FeedbackRepository.class,
            ModelRepository.class,
            MetricsRepository.class,
            SecurityRepository.class,
            VectorRepository.class,
            ResponseCache.class,
            SessionCache.class,
            RateLimiter.class,
            Presence.class,
            FeatureFlags.class);

    private final AtomicInteger counter = new AtomicInteger();
    private UUID userId;
    private UUID conversationId;
    private UUID credentialId;

    /**
     * What the backend stores, as text that changes whenever stored data does. The default reads the seeded
     * tenant's data through the API; a backend may override it with a dump of its own storage.
     */
    protected String fingerprint() {
        ConversationRepository c = store.conversations();
        Instant now = clock.instant();
        return String.join(
                "\n",
                String.valueOf(c.findUser(userId)),
                String.valueOf(c.findConversation(conversationId)),
                String.valueOf(c.history(conversationId, HistoryOrder.OLDEST_FIRST, PageRequest.first(100))
                        .items()),
                String.valueOf(c.sessionsOf(userId, 100)),
                String.valueOf(store.runs()
                        .list(RunQuery.all(), PageRequest.first(100))
                        .items()),
                String.valueOf(store.models()
                        .list(ModelFilter.all(), PageRequest.first(100))
                        .items()),
                String.valueOf(store.metrics().usageByModel(MetricQuery.between(now.minus(Duration.ofDays(2)), now))),
                String.valueOf(store.security().findCredential(credentialId)),
                String.valueOf(
                        store.security().events(null, Instant.EPOCH, 1_000).size()),
                String.valueOf(store.security().listApiKeys(credentialId)),
                String.valueOf(store.vectors().listCollections()),
                String.valueOf(store.vectors().count("sweep")),
                String.valueOf(store.responseCache().stats()),
                String.valueOf(store.sessions().get("sweep-session")),
                String.valueOf(store.presence().count("sweep-room")),
                String.valueOf(store.featureFlags().evaluate("sweep-flag", FlagContext.anonymous())));
    }

    @Test
    void should_answer_bad_inputs_with_typed_exceptions_and_change_nothing() throws Exception {
        seed();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        String known = null;
        for (Class<?> repository : REPOSITORIES) {
            Object target = repositoryOf(repository);
            for (Method method : repository.getMethods()) {
                Type[] types = method.getGenericParameterTypes();
                for (int position = 0; position < types.length; position++) {
                    for (Object bad : badValues(types[position])) {
                        calls++;
                        String before = known != null ? known : fingerprint();
                        known = null;
                        Object[] args = new Object[types.length];
                        for (int i = 0; i < types.length; i++) {
                            args[i] = i == position ? bad : valid(types[i]);
                        }
                        Throwable thrown = invoke(method, target, args);
                        if (thrown == null) {
                            continue; // accepted as data; it may have changed what is stored
                        }
                        String after = fingerprint();
                        known = after; // a refused call changed nothing, so this is the next call's "before"
                        String call = repository.getSimpleName() + "." + method.getName() + " argument " + position
                                + " = " + describe(bad);
                        if (!(thrown instanceof InvalidInputException) && !(thrown instanceof NotFoundException)) {
                            failures.add(call + " threw " + thrown);
                        } else if (!before.equals(after)) {
                            failures.add(call + " threw " + thrown.getClass().getSimpleName() + " but changed data");
                        }
                    }
                }
            }
        }
        assertThat(calls).as("bad-input calls made").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    private void seed() {
        ConversationRepository c = store.conversations();
        userId = c.upsertUser(NewUser.of("web", "sweep-user")).id();
        Conversation conversation = c.createConversation(NewConversation.forUser(userId));
        conversationId = conversation.id();
        c.appendAll(conversationId, List.of(NewMessage.system("be brief", 2), NewMessage.user("hello", 1)));
        c.startSession(userId, Map.of());
        store.runs().create(NewRun.of(userId, "sweep-agent").inConversation(conversationId));
        store.feedback().give(NewFeedback.onConversation(userId, conversationId, 4));
        store.models()
                .register(ModelSpec.builder("sweep-model", ModelFormat.API).build());
        store.metrics().recordLlm(LlmRequestMetric.success(Ids.newId(), clock.instant(), "sweep-model", 1, 2, 3));
        Credential credential =
                store.security().createCredential(new NewCredential("sweep-cred", "sweep@example.com", PASSWORD));
        credentialId = credential.id();
        store.vectors().createCollection(CollectionSpec.of("sweep", 3));
        store.vectors().upsert("sweep", List.of(Chunk.of("c1", "text", new float[] {1, 0, 0})));
        store.responseCache().put(CacheKey.of("sweep-model", Map.of(), "hi"), "hello", Duration.ofHours(1), Map.of());
        store.sessions().put("sweep-session", Map.of("a", "b"), Duration.ofHours(1));
        store.presence().markActive("sweep-room", "ann", Duration.ofMinutes(5));
        store.featureFlags().set("sweep-flag", FlagScope.tenant(), FlagValue.of(true));
    }

    private Object repositoryOf(Class<?> repository) {
        AgentStore s = store;
        return switch (repository.getSimpleName()) {
            case "ConversationRepository" -> s.conversations();
            case "RunRepository" -> s.runs();
            case "FeedbackRepository" -> s.feedback();
            case "ModelRepository" -> s.models();
            case "MetricsRepository" -> s.metrics();
            case "SecurityRepository" -> s.security();
            case "VectorRepository" -> s.vectors();
            case "ResponseCache" -> s.responseCache();
            case "SessionCache" -> s.sessions();
            case "RateLimiter" -> s.rateLimits();
            case "Presence" -> s.presence();
            default -> s.featureFlags();
        };
    }

    private static Throwable invoke(Method method, Object target, Object[] args) throws IllegalAccessException {
        try {
            method.invoke(target, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    /** The bad values for a parameter type: null always, and more for the types that carry raw data. */
    private List<Object> badValues(Type type) {
        Class<?> raw = raw(type);
        List<Object> bad = new ArrayList<>();
        if (!raw.isPrimitive()) {
            bad.add(null);
        }
        if (raw == String.class) {
            bad.addAll(List.of(
                    "",
                    "   ",
                    "a\u0000b",
                    "lone \uD800 surrogate",
                    "x".repeat(Limits.MAX_TEXT_CHARS + 1),
                    "x'); drop table messages; --",
                    "%_\\%"));
        } else if (raw == UUID.class) {
            bad.add(UUID.randomUUID());
        } else if (raw == int.class) {
            bad.addAll(List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
        } else if (raw == long.class) {
            bad.addAll(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        } else if (raw == Instant.class) {
            bad.addAll(List.of(Instant.MIN, Instant.MAX, Instant.EPOCH.minusSeconds(1)));
        } else if (raw == Duration.class) {
            bad.addAll(List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(100_000)));
        } else if (raw == LocalDate.class) {
            bad.addAll(List.of(LocalDate.MIN, LocalDate.MAX));
        } else if (raw == Map.class) {
            bad.addAll(List.of(Map.of("nul\u0000key", "v"), Map.of("nan", Double.NaN), deepMap()));
        } else if (raw == List.class || raw == Collection.class || raw == Set.class) {
            Collection<Object> withNull = raw == Set.class ? new HashSet<>() : new ArrayList<>();
            withNull.add(null);
            bad.add(withNull);
        } else if (raw == Secret.class) {
            bad.add(Secret.of(""));
        } else if (raw == SearchRequest.class) {
            bad.add(new BadVector(new float[] {Float.NaN, 0, 0}).request());
            bad.add(new BadVector(new float[] {1, 0}).request());
        }
        return bad;
    }

    /** A search vector that is wrong in content or size; building it already fails for NaN, which is fine. */
    private record BadVector(float[] vector) {
        Object request() {
            try {
                return SearchRequest.of(vector, 5);
            } catch (InvalidInputException e) {
                return null;
            }
        }
    }

    /** A valid value of a parameter type: fresh names, the seeded ids, ordinary records. */
    private Object valid(Type type) {
        Class<?> raw = raw(type);
        if (raw == List.class || raw == Collection.class || raw == Set.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            Object one = valid(element);
            return raw == Set.class ? Set.of(one) : List.of(one);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        Map<Class<?>, Supplier<Object>> values = new HashMap<>();
        Instant now = clock.instant();
        values.put(String.class, () -> "sweep-" + counter.incrementAndGet());
        values.put(UUID.class, () -> conversationId);
        values.put(int.class, () -> 5);
        values.put(long.class, () -> 5L);
        values.put(boolean.class, () -> true);
        values.put(Map.class, () -> Map.of("k", "v"));
        values.put(Instant.class, () -> now);
        values.put(Duration.class, () -> Duration.ofMinutes(5));
        values.put(LocalDate.class, () -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        values.put(NewUser.class, () -> NewUser.of("web", "sweep-" + counter.incrementAndGet()));
        values.put(NewConversation.class, () -> NewConversation.forUser(userId));
        values.put(PageRequest.class, () -> PageRequest.first(10));
        values.put(
                ConversationUpdate.class, () -> ConversationUpdate.expecting(1).title("t"));
        values.put(NewMessage.class, () -> NewMessage.user("hi", 1));
        values.put(
                ModelSpec.class,
                () -> ModelSpec.builder("sweep-" + counter.incrementAndGet(), ModelFormat.API)
                        .build());
        values.put(ModelFilter.class, ModelFilter::all);
        values.put(NewRun.class, () -> NewRun.of(userId, "sweep-agent"));
        values.put(NewFeedback.class, () -> NewFeedback.onConversation(userId, conversationId, 2));
        values.put(RunQuery.class, RunQuery::all);
        values.put(RunUsage.class, RunUsage::none);
        values.put(SystemSample.class, () -> SystemSample.of(now, "h", 1, 1));
        values.put(LlmRequestMetric.class, () -> LlmRequestMetric.success(Ids.newId(), now, "m", 1, 1, 1));
        values.put(MetricQuery.class, () -> MetricQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(NewCredential.class, () -> {
            String name = "sweep-" + counter.incrementAndGet();
            return new NewCredential(name, name + "@example.com", PASSWORD);
        });
        values.put(Secret.class, () -> PASSWORD);
        values.put(LoginContext.class, LoginContext::unknown);
        values.put(ResetTokenDelivery.class, () -> (ResetTokenDelivery) (account, token) -> {});
        values.put(NewApiKey.class, () -> new NewApiKey(credentialId, "k", Set.of(), null));
        values.put(CollectionSpec.class, () -> CollectionSpec.of("sweep-" + counter.incrementAndGet(), 3));
        values.put(Chunk.class, () -> Chunk.of("c-" + counter.incrementAndGet(), "t", new float[] {0, 1, 0}));
        values.put(Filter.class, () -> Filter.eq("k", "v"));
        values.put(SearchRequest.class, () -> SearchRequest.of(new float[] {1, 0, 0}, 5));
        values.put(
                HybridSearchRequest.class,
                () -> HybridSearchRequest.of(SearchRequest.of(new float[] {1, 0, 0}, 5), "text"));
        values.put(CacheKey.class, () -> CacheKey.of("m", Map.of(), "p" + counter.incrementAndGet()));
        values.put(RateLimit.class, () -> RateLimit.of(10, Duration.ofMinutes(1)));
        values.put(FlagScope.class, FlagScope::tenant);
        values.put(FlagValue.class, () -> FlagValue.of(true));
        values.put(FlagContext.class, FlagContext::anonymous);
        Supplier<Object> value = values.get(raw);
        if (value == null) {
            throw new IllegalStateException("no valid value for " + type + ": add one to the sweep");
        }
        return value.get();
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Map<String, Object> deepMap() {
        Map<String, Object> root = new HashMap<>();
        Map<String, Object> cursor = root;
        for (int i = 0; i <= Limits.MAX_METADATA_DEPTH + 1; i++) {
            Map<String, Object> next = new HashMap<>();
            cursor.put("k", next);
            cursor = next;
        }
        return root;
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return s.length() > 40 ? "a string of " + s.length() + " characters" : "\"" + s + "\"";
        }
        if (value instanceof Collection<?> c) {
            return "a collection " + Arrays.toString(c.toArray());
        }
        return String.valueOf(value);
    }
}

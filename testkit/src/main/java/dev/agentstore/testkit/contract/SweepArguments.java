package dev.agentstore.testkit.contract;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunUsage;
import dev.agentstore.security.ImportedCredential;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.ResetTokenDelivery;
import dev.agentstore.spi.Ids;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.RateLimit;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.QuotaPeriod;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.Filter;
import dev.agentstore.vector.HybridSearchRequest;
import dev.agentstore.vector.SearchRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The arguments of {@link BadInputSweepContract}: for each parameter type, the bad values to try and a valid
 * value (fresh names, the seeded user, conversation and credential, ordinary records) for the other parameters.
 */
final class SweepArguments {
    /** A bcrypt hash (cost 5) to import: {@code U*U}, from OpenBSD's test vectors. */
    private static final String IMPORTED_HASH = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    private final AtomicInteger counter = new AtomicInteger();
    private final Clock clock;
    private final Secret password;
    private final UUID userId;
    private final UUID conversationId;
    private final UUID credentialId;

    SweepArguments(Clock clock, Secret password, UUID userId, UUID conversationId, UUID credentialId) {
        this.clock = clock;
        this.password = password;
        this.userId = userId;
        this.conversationId = conversationId;
        this.credentialId = credentialId;
    }

    /** The bad values for a parameter type: null always, and more for the types that carry raw data. */
    List<Object> bad(Type type) {
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
    Object valid(Type type) {
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
        values.put(
                AgentSpec.class,
                () -> AgentSpec.builder(userId, "sweep-" + counter.incrementAndGet(), "m")
                        .build());
        values.put(
                ChannelDefaults.class, () -> new ChannelDefaults("sweep-" + counter.incrementAndGet(), null, Map.of()));
        values.put(NewFeedback.class, () -> NewFeedback.onConversation(userId, conversationId, 2));
        values.put(RunQuery.class, RunQuery::all);
        values.put(ApiCall.class, () -> ApiCall.forUser(Ids.newId(), now, userId, "/v1/chat", 200, 3));
        values.put(ApiUsageQuery.class, () -> ApiUsageQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(UsageSubject.class, () -> UsageSubject.user(userId));
        values.put(UsageLimit.class, () -> UsageLimit.requests(UsageSubject.user(userId), QuotaPeriod.DAY, 50));
        values.put(NewError.class, () -> NewError.of("sweep", "SweepError", "a message"));
        values.put(ErrorQuery.class, () -> ErrorQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(NewAuditEntry.class, () -> NewAuditEntry.of(userId, "sweep.done", "sweep", "r1"));
        values.put(AuditQuery.class, () -> AuditQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(RunUsage.class, RunUsage::none);
        values.put(SystemSample.class, () -> SystemSample.of(now, "h", 1, 1));
        values.put(LlmRequestMetric.class, () -> LlmRequestMetric.success(Ids.newId(), now, "m", 1, 1, 1));
        values.put(MetricQuery.class, () -> MetricQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(NewCredential.class, () -> {
            String name = "sweep-" + counter.incrementAndGet();
            return new NewCredential(name, name + "@example.com", password);
        });
        values.put(ImportedCredential.class, () -> {
            String name = "sweep-" + counter.incrementAndGet();
            return new ImportedCredential(name, name + "@example.com", Secret.of(IMPORTED_HASH));
        });
        values.put(Secret.class, () -> password);
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
}

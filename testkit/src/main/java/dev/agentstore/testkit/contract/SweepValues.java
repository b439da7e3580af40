package dev.agentstore.testkit.contract;

import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.block.BlockOwner;
import dev.agentstore.block.NewMemoryBlock;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.checkpoint.NewCheckpoint;
import dev.agentstore.checkpoint.PendingWrite;
import dev.agentstore.context.ContextOptions;
import dev.agentstore.conversation.ConversationQuery;
import dev.agentstore.conversation.ConversationRetentionPolicy;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryImport;
import dev.agentstore.conversation.MemoryWindow;
import dev.agentstore.conversation.MessageEdit;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewSummary;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.SeriesPoint;
import dev.agentstore.metrics.SeriesQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.recall.MessageEmbedding;
import dev.agentstore.recall.RecallQuery;
import dev.agentstore.recall.RecallScope;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Valid values of the types repository methods take, for the arguments the sweep does not make bad. */
final class SweepValues {
    /** A bcrypt hash (cost 5) to import: {@code U*U}, from OpenBSD's test vectors. */
    private static final String IMPORTED_HASH = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    private final Clock clock;
    private final Secret password;
    private final SweepArguments.Seeded seeded;
    private final AtomicInteger counter;

    SweepValues(Clock clock, Secret password, SweepArguments.Seeded seeded, AtomicInteger counter) {
        this.clock = clock;
        this.password = password;
        this.seeded = seeded;
        this.counter = counter;
    }

    /** A valid value of a type, whatever the parameter. */
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
        if (raw == String.class) {
            return "sweep";
        }
        Map<Class<?>, Supplier<Object>> values = new HashMap<>();
        Instant now = clock.instant();
        values.put(String.class, () -> "sweep-" + counter.incrementAndGet());
        values.put(UUID.class, seeded::conversation);
        values.put(int.class, () -> 5);
        values.put(long.class, () -> 5L);
        values.put(boolean.class, () -> true);
        values.put(Map.class, () -> Map.of("k", "v"));
        values.put(Instant.class, () -> now);
        values.put(Duration.class, () -> Duration.ofMinutes(5));
        values.put(LocalDate.class, () -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        values.put(NewUser.class, () -> NewUser.of("web", "sweep-" + counter.incrementAndGet()));
        values.put(NewConversation.class, () -> NewConversation.forUser(seeded.user()));
        values.put(PageRequest.class, () -> PageRequest.first(10));
        values.put(ConversationQuery.class, () -> ConversationQuery.ofUser(seeded.user()));
        values.put(HistoryImport.class, () -> HistoryImport.of(List.of(), List.of()));
        values.put(ConversationRetentionPolicy.class, ConversationRetentionPolicy::defaults);
        values.put(
                ConversationUpdate.class, () -> ConversationUpdate.expecting(1).title("t"));
        values.put(NewMessage.class, () -> NewMessage.user("hi", 1));
        values.put(MemoryWindow.class, () -> MemoryWindow.ALL);
        values.put(MessageEdit.class, () -> new MessageEdit("edited", 1, "sweep"));
        values.put(
                ModelSpec.class,
                () -> ModelSpec.builder("sweep-" + counter.incrementAndGet(), ModelFormat.API)
                        .build());
        values.put(ModelFilter.class, ModelFilter::all);
        values.put(NewRun.class, () -> NewRun.of(seeded.user(), "sweep-agent"));
        values.put(
                AgentSpec.class,
                () -> AgentSpec.builder(seeded.user(), "sweep-" + counter.incrementAndGet(), "m")
                        .build());
        values.put(
                ChannelDefaults.class, () -> new ChannelDefaults("sweep-" + counter.incrementAndGet(), null, Map.of()));
        values.put(NewFeedback.class, () -> NewFeedback.onConversation(seeded.user(), seeded.conversation(), 2));
        values.put(RunQuery.class, RunQuery::all);
        values.put(ApiCall.class, () -> ApiCall.forUser(Ids.newId(), now, seeded.user(), "/v1/chat", 200, 3));
        values.put(ApiUsageQuery.class, () -> ApiUsageQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(UsageSubject.class, () -> UsageSubject.user(seeded.user()));
        values.put(UsageLimit.class, () -> UsageLimit.requests(UsageSubject.user(seeded.user()), QuotaPeriod.DAY, 50));
        values.put(NewError.class, () -> NewError.of("sweep", "SweepError", "a message"));
        values.put(ErrorQuery.class, () -> ErrorQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(NewAuditEntry.class, () -> NewAuditEntry.of(seeded.user(), "sweep.done", "sweep", "r1"));
        values.put(AuditQuery.class, () -> AuditQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(RunUsage.class, RunUsage::none);
        values.put(SystemSample.class, () -> SystemSample.of(now, "h", 1, 1));
        values.put(LlmRequestMetric.class, () -> LlmRequestMetric.success(Ids.newId(), now, "m", 1, 1, 1));
        values.put(MetricQuery.class, () -> MetricQuery.between(now.minus(Duration.ofDays(1)), now));
        values.put(BlockOwner.class, BlockOwner::shared);
        values.put(
                NewMemoryBlock.class,
                () -> NewMemoryBlock.of(BlockOwner.shared(), "sweep-" + counter.incrementAndGet(), "a value"));
        values.put(NewSummary.class, () -> NewSummary.of("a summary", 1, 3));
        values.put(RecallScope.class, () -> RecallScope.user(seeded.user()));
        values.put(MessageEmbedding.class, () -> new MessageEmbedding(seeded.message(), new float[] {1, 0, 0}));
        values.put(RecallQuery.class, () -> RecallQuery.forUser(seeded.user(), "hello", new float[] {1, 0, 0}));
        values.put(ContextOptions.class, () -> ContextOptions.DEFAULTS.recalling("hello", new float[] {1, 0, 0}));
        values.put(
                NewCheckpoint.class,
                () -> NewCheckpoint.of("sweep-thread", "sweep-" + counter.incrementAndGet(), Map.of("step", 1)));
        values.put(PendingWrite.class, () -> new PendingWrite("sweep-task", 0, "channel", "value"));
        values.put(
                SeriesPoint.class, () -> SeriesPoint.of("sweep.series", now, 1).withLabel("route", "chat"));
        values.put(SeriesQuery.class, () -> SeriesQuery.of("sweep.series", now.minus(Duration.ofDays(1)), now));
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
        values.put(NewApiKey.class, () -> new NewApiKey(seeded.credential(), "k", Set.of(), null));
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

    /** The class of a type, its raw class when parameterized. */
    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}

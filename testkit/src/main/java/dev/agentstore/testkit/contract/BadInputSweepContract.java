package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.Credential;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.spi.Ids;
import dev.agentstore.state.FeatureFlags;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.Presence;
import dev.agentstore.state.RateLimiter;
import dev.agentstore.state.SessionCache;
import dev.agentstore.usage.ApiCall;
import dev.agentstore.usage.ApiUsageQuery;
import dev.agentstore.usage.ApiUsageRepository;
import dev.agentstore.usage.QuotaPeriod;
import dev.agentstore.usage.UsageLimit;
import dev.agentstore.usage.UsageSubject;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.VectorRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
            AgentRepository.class,
            ApiUsageRepository.class,
            ErrorLogRepository.class,
            AuditLog.class,
            ModelRepository.class,
            MetricsRepository.class,
            SecurityRepository.class,
            VectorRepository.class,
            ResponseCache.class,
            SessionCache.class,
            RateLimiter.class,
            Presence.class,
            FeatureFlags.class);

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
                String.valueOf(store.apiUsage().daily(ApiUsageQuery.between(now.minus(Duration.ofDays(2)), now))),
                String.valueOf(store.apiUsage().limit(UsageSubject.user(userId))),
                String.valueOf(store.errorLog()
                        .list(
                                ErrorQuery.between(now.minus(Duration.ofDays(2)), now.plusSeconds(1)),
                                PageRequest.first(100))
                        .items()),
                String.valueOf(store.auditLog()
                        .list(
                                AuditQuery.between(now.minus(Duration.ofDays(2)), now.plusSeconds(1)),
                                PageRequest.first(100))
                        .items()),
                String.valueOf(store.security().findCredential(credentialId)),
                String.valueOf(
                        store.security().events(null, Instant.EPOCH, 1_000).size()),
                String.valueOf(store.security().listApiKeys(credentialId)),
                String.valueOf(store.vectors().listCollections()),
                String.valueOf(store.vectors().count("sweep")),
                String.valueOf(store.vectors()
                        .documents("sweep", null, PageRequest.first(100))
                        .items()),
                String.valueOf(store.responseCache().stats()),
                String.valueOf(store.sessions().get("sweep-session")),
                String.valueOf(store.presence().count("sweep-room")),
                String.valueOf(store.featureFlags().evaluate("sweep-flag", FlagContext.anonymous())));
    }

    @Test
    void should_answer_bad_inputs_with_typed_exceptions_and_change_nothing() throws Exception {
        seed();
        SweepArguments arguments = new SweepArguments(clock, PASSWORD, userId, conversationId, credentialId);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        String known = null;
        for (Class<?> repository : REPOSITORIES) {
            Object target = repositoryOf(repository);
            for (Method method : repository.getMethods()) {
                Type[] types = method.getGenericParameterTypes();
                for (int position = 0; position < types.length; position++) {
                    for (Object bad : arguments.bad(types[position])) {
                        calls++;
                        String before = known != null ? known : fingerprint();
                        known = null;
                        Object[] args = new Object[types.length];
                        for (int i = 0; i < types.length; i++) {
                            args[i] = i == position ? bad : arguments.valid(types[i]);
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
        store.agents()
                .define(AgentSpec.builder(userId, "sweep-agent", "sweep-model").build());
        store.agents().setChannelDefaults(new ChannelDefaults("sweep-channel", "sweep-model", Map.of()));
        store.models()
                .register(ModelSpec.builder("sweep-model", ModelFormat.API).build());
        store.apiUsage().record(ApiCall.forUser(Ids.newId(), clock.instant(), userId, "/sweep", 200, 5));
        store.apiUsage().setLimit(UsageLimit.requests(UsageSubject.user(userId), QuotaPeriod.DAY, 100));
        store.errorLog().log(NewError.of("sweep", "SweepError", "seeded"));
        store.auditLog().append(NewAuditEntry.of(userId, "sweep.seeded", "sweep", null));
        store.metrics().recordLlm(LlmRequestMetric.success(Ids.newId(), clock.instant(), "sweep-model", 1, 2, 3));
        Credential credential =
                store.security().createCredential(new NewCredential("sweep-cred", "sweep@example.com", PASSWORD));
        credentialId = credential.id();
        store.vectors().createCollection(CollectionSpec.of("sweep", 3));
        store.vectors().upsert("sweep", List.of(Chunk.of("c1", "text", new float[] {1, 0, 0})));
        store.vectors().startIngestion("sweep", "sweep-document");
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
            case "AgentRepository" -> s.agents();
            case "ApiUsageRepository" -> s.apiUsage();
            case "ErrorLogRepository" -> s.errorLog();
            case "AuditLog" -> s.auditLog();
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

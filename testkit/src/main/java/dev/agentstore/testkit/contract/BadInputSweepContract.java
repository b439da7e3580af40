package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentDefinition;
import dev.agentstore.agent.AgentRepository;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.agent.ChannelDefaults;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.block.MemoryBlockRepository;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.ResponseCache;
import dev.agentstore.checkpoint.CheckpointRepository;
import dev.agentstore.context.ContextAssembler;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.SummaryRepository;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorLogRepository;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.FeedbackRepository;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.MetricsRepository;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelRepository;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.recall.RecallRepository;
import dev.agentstore.recall.RecallScope;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunQuery;
import dev.agentstore.run.RunRepository;
import dev.agentstore.security.Credential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.NewApiKey;
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
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every public repository method, called through the store with one argument at a time replaced by a bad value
 * (null, blank, NUL, lone surrogates, huge text, SQL metacharacters, unknown ids, NaN and infinite numbers,
 * out-of-range times and limits, null elements, and records carrying bad content: NUL in a message, a chunk of the
 * wrong dimension, a filter nested 10,000 deep, metrics far from now) while every other argument is a valid value of
 * its own kind (the seeded run for a {@code runId}, the seeded credential for a {@code credentialId}), so the call
 * reaches the bad argument. The only exceptions that may come out are typed answers ({@link InvalidInputException},
 * {@link NotFoundException}, {@link ConflictException}, and {@link InvalidCredentialsException} for a failed proof);
 * a call that throws changes nothing in its tenant (a failed proof only the account's failure count and the
 * security log, by design); and no call, accepted or not, changes anything of a second tenant seeded alike. A bad
 * value the API accepts as data (an apostrophe in a name) may succeed, and leaves the tenant readable.
 */
public abstract class BadInputSweepContract extends StoreContract {
    private static final Secret PASSWORD = Secret.of("a long enough password for the sweep");
    private static final List<Class<?>> REPOSITORIES = List.of(
            ConversationRepository.class,
            RunRepository.class,
            FeedbackRepository.class,
            AgentRepository.class,
            MemoryBlockRepository.class,
            SummaryRepository.class,
            CheckpointRepository.class,
            RecallRepository.class,
            ContextAssembler.class,
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

    private final Map<String, SweepArguments.Seeded> seeds = new HashMap<>();

    /**
     * What the backend stores for {@code tenant}, as text that changes whenever its stored data does; without the
     * account's failure count and the security log when {@code withSecurityLog} is false (a failed proof changes those
     * by design). The default reads the tenant's seeded data through the API; a backend may add a dump of its own
     * storage of that tenant.
     */
    protected String fingerprint(AgentStore tenant, boolean withSecurityLog) {
        SweepArguments.Seeded seeded = seeds.get(tenant.tenant());
        ConversationRepository c = tenant.conversations();
        Instant now = clock.instant();
        List<String> parts = new ArrayList<>(List.of(
                String.valueOf(c.findUser(seeded.user())),
                String.valueOf(c.findConversation(seeded.conversation())),
                String.valueOf(c.history(seeded.conversation(), HistoryOrder.OLDEST_FIRST, PageRequest.first(100))
                        .items()),
                String.valueOf(c.sessionsOf(seeded.user(), 100)),
                String.valueOf(tenant.runs()
                        .list(RunQuery.all(), PageRequest.first(100))
                        .items()),
                String.valueOf(tenant.feedback().ofConversation(seeded.conversation())),
                String.valueOf(tenant.agents()
                        .listByOwner(seeded.user(), PageRequest.first(100))
                        .items()),
                String.valueOf(tenant.agents().channelDefaults("sweep-channel")),
                String.valueOf(tenant.models()
                        .list(ModelFilter.all(), PageRequest.first(100))
                        .items()),
                String.valueOf(tenant.metrics().usageByModel(MetricQuery.between(now.minus(Duration.ofDays(2)), now))),
                String.valueOf(tenant.apiUsage().daily(ApiUsageQuery.between(now.minus(Duration.ofDays(2)), now))),
                String.valueOf(tenant.apiUsage().limit(UsageSubject.user(seeded.user()))),
                String.valueOf(tenant.errorLog()
                        .list(
                                ErrorQuery.between(now.minus(Duration.ofDays(2)), now.plusSeconds(1)),
                                PageRequest.first(100))
                        .items()),
                String.valueOf(tenant.auditLog()
                        .list(
                                AuditQuery.between(now.minus(Duration.ofDays(2)), now.plusSeconds(1)),
                                PageRequest.first(100))
                        .items()),
                String.valueOf(tenant.security().listApiKeys(seeded.credential())),
                String.valueOf(tenant.vectors().listCollections()),
                String.valueOf(tenant.vectors().count("sweep")),
                String.valueOf(tenant.vectors()
                        .documents("sweep", null, PageRequest.first(100))
                        .items()),
                String.valueOf(tenant.recall().isEnabled(RecallScope.user(seeded.user()))),
                String.valueOf(tenant.responseCache().stats()),
                String.valueOf(tenant.sessions().get("sweep-session")),
                String.valueOf(tenant.presence().count("sweep-room")),
                String.valueOf(tenant.featureFlags().evaluate("sweep-flag", FlagContext.anonymous()))));
        if (withSecurityLog) {
            parts.add(String.valueOf(tenant.security().findCredential(seeded.credential())));
            parts.add(String.valueOf(
                    tenant.security().events(null, Instant.EPOCH, 1_000).size()));
        } else {
            parts.add(String.valueOf(tenant.security()
                    .findCredential(seeded.credential())
                    .map(cred -> cred.id()
                            + cred.username()
                            + cred.email()
                            + cred.totpEnabled()
                            + cred.passwordChangedAt()
                            + cred.lastLoginAt())));
        }
        return String.join("\n", parts);
    }

    @Test
    void should_answer_bad_inputs_with_typed_exceptions_and_change_nothing() throws Exception {
        AgentStore other = otherTenant();
        SweepArguments arguments = new SweepArguments(clock, PASSWORD, seed(store));
        seed(other);
        String otherBefore = fingerprint(other, true);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        String known = null;
        for (Class<?> repository : REPOSITORIES) {
            Object target = repositoryOf(repository);
            for (Method method : repository.getMethods()) {
                Parameter[] parameters = method.getParameters();
                for (int position = 0; position < parameters.length; position++) {
                    for (Object bad : arguments.bad(parameters[position].getParameterizedType())) {
                        calls++;
                        String call = repository.getSimpleName() + "." + method.getName() + " "
                                + parameters[position].getName() + " = " + describe(bad);
                        String before = known != null ? known : fingerprint(store, true);
                        known = null;
                        Throwable thrown =
                                invoke(method, target, arguments(arguments, repository, parameters, position, bad));
                        if (!fingerprint(other, true).equals(otherBefore)) {
                            failures.add(call + " changed another tenant's data");
                            otherBefore = fingerprint(other, true);
                        }
                        if (thrown == null) {
                            fingerprint(store, true); // an accepted value leaves the tenant readable
                            continue;
                        }
                        boolean failedProof = thrown instanceof InvalidCredentialsException;
                        String after = fingerprint(store, !failedProof);
                        if (!failedProof) {
                            known = after; // a refused call changed nothing, so this is the next call's "before"
                        }
                        if (!(thrown instanceof InvalidInputException)
                                && !(thrown instanceof NotFoundException)
                                && !(thrown instanceof ConflictException)
                                && !failedProof) {
                            failures.add(call + " threw " + thrown);
                        } else if (!failedProof && !before.equals(after)) {
                            failures.add(call + " threw " + thrown.getClass().getSimpleName() + " but changed data");
                        }
                    }
                }
            }
        }
        assertThat(calls).as("bad-input calls made").isGreaterThan(700);
        assertThat(failures).isEmpty();
    }

    /**
     * The arguments of one call: the bad value at {@code position} (built now, if it is a {@link
     * SweepArguments.Built}), a valid value of its own kind everywhere else.
     */
    private static Object[] arguments(
            SweepArguments arguments, Class<?> repository, Parameter[] parameters, int position, Object bad) {
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = i == position
                    ? bad
                    : arguments.valid(parameters[i].getParameterizedType(), parameters[i].getName(), repository);
        }
        return args;
    }

    /** Seeds one of everything in {@code tenant} and returns the ids. */
    private SweepArguments.Seeded seed(AgentStore tenant) {
        ConversationRepository c = tenant.conversations();
        UUID user = c.upsertUser(NewUser.of("web", "sweep-user")).id();
        Conversation conversation = c.createConversation(NewConversation.forUser(user));
        List<Message> messages = c.appendAll(
                conversation.id(), List.of(NewMessage.system("be brief", 2), NewMessage.assistant("hello", 1)));
        ChatSession session = c.startSession(user, Map.of());
        AgentRun run = tenant.runs().create(NewRun.of(user, "sweep-agent").inConversation(conversation.id()));
        Feedback feedback = tenant.feedback()
                .give(NewFeedback.onMessage(
                        user, conversation.id(), messages.get(1).id(), 4));
        AgentDefinition agent = tenant.agents()
                .define(AgentSpec.builder(user, "sweep-agent", "sweep-model").build());
        tenant.agents().setChannelDefaults(new ChannelDefaults("sweep-channel", "sweep-model", Map.of()));
        LlmModel model = tenant.models()
                .register(ModelSpec.builder("sweep-model", ModelFormat.API).build());
        tenant.apiUsage().record(ApiCall.forUser(Ids.newId(), clock.instant(), user, "/sweep", 200, 5));
        tenant.apiUsage().setLimit(UsageLimit.requests(UsageSubject.user(user), QuotaPeriod.DAY, 100));
        ErrorEntry error = tenant.errorLog().log(NewError.of("sweep", "SweepError", "seeded"));
        AuditEntry audited = tenant.auditLog().append(NewAuditEntry.of(user, "sweep.seeded", "sweep", null));
        tenant.metrics().recordLlm(LlmRequestMetric.success(Ids.newId(), clock.instant(), "sweep-model", 1, 2, 3));
        Credential credential =
                tenant.security().createCredential(new NewCredential("sweep-cred", "sweep@example.com", PASSWORD));
        IssuedApiKey key = tenant.security().createApiKey(new NewApiKey(credential.id(), "sweep", Set.of(), null));
        tenant.vectors().createCollection(CollectionSpec.of("sweep", 3));
        tenant.vectors().upsert("sweep", List.of(Chunk.of("c1", "text", new float[] {1, 0, 0})));
        tenant.vectors().startIngestion("sweep", "sweep-document");
        tenant.responseCache().put(CacheKey.of("sweep-model", Map.of(), "hi"), "hello", Duration.ofHours(1), Map.of());
        tenant.sessions().put("sweep-session", Map.of("a", "b"), Duration.ofHours(1));
        tenant.presence().markActive("sweep-room", "ann", Duration.ofMinutes(5));
        tenant.featureFlags().set("sweep-flag", FlagScope.tenant(), FlagValue.of(true));
        SweepArguments.Seeded seeded = new SweepArguments.Seeded(
                user,
                conversation.id(),
                messages.get(1).id(),
                session.id(),
                credential.id(),
                key.key().id(),
                run.id(),
                agent.id(),
                feedback.id(),
                model.id(),
                audited.id(),
                error.id());
        seeds.put(tenant.tenant(), seeded);
        return seeded;
    }

    private Object repositoryOf(Class<?> repository) {
        AgentStore s = store;
        return switch (repository.getSimpleName()) {
            case "ConversationRepository" -> s.conversations();
            case "RunRepository" -> s.runs();
            case "FeedbackRepository" -> s.feedback();
            case "AgentRepository" -> s.agents();
            case "MemoryBlockRepository" -> s.memoryBlocks();
            case "SummaryRepository" -> s.summaries();
            case "CheckpointRepository" -> s.checkpoints();
            case "RecallRepository" -> s.recall();
            case "ContextAssembler" -> s.contextAssembly();
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

    /** Calls {@code method}; builds a {@link SweepArguments.Built} argument first, whose refusal is the call's. */
    private static Throwable invoke(Method method, Object target, Object[] args) throws IllegalAccessException {
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof SweepArguments.Built built) {
                    args[i] = built.value().get();
                }
            }
            method.invoke(target, args);
            return null;
        } catch (InvalidInputException e) {
            return e;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    /** A short description of a bad value: some (a filter 10,000 deep) cannot even print themselves. */
    private static String describe(Object value) {
        if (value instanceof String s) {
            return s.length() > 40 ? "a string of " + s.length() + " characters" : "\"" + s + "\"";
        }
        if (value instanceof Collection<?> c) {
            return "a collection of " + c.size() + " "
                    + c.stream().map(BadInputSweepContract::describe).toList();
        }
        if (value == null
                || value instanceof SweepArguments.Built
                || value instanceof Number
                || value instanceof UUID
                || value instanceof java.time.temporal.Temporal
                || value instanceof Duration) {
            return String.valueOf(value);
        }
        return "a " + value.getClass().getSimpleName();
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.agent.AgentDefinition;
import dev.agentstore.agent.AgentSpec;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.HistoryOrder;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.errorlog.ErrorEntry;
import dev.agentstore.errorlog.ErrorQuery;
import dev.agentstore.errorlog.NewError;
import dev.agentstore.feedback.Feedback;
import dev.agentstore.feedback.NewFeedback;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.run.AgentRun;
import dev.agentstore.run.NewRun;
import dev.agentstore.run.RunUsage;
import dev.agentstore.security.Credential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.security.SecurityRepository;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tenant B never sees or changes tenant A's data, through any repository. */
public abstract class TenantIsolationContract extends StoreContract {

    @Test
    void should_hide_and_protect_conversations_across_tenants() {
        AgentStore other = otherTenant();
        User u = store.conversations().upsertUser(NewUser.of("web", "alice"));
        Conversation c = store.conversations().createConversation(NewConversation.forUser(u.id()));
        store.conversations().append(c.id(), NewMessage.user("tenant A secret", 3));
        assertThat(other.conversations().findUser(u.id())).isEmpty();
        assertThat(other.conversations().findUserByExternalId("web", "alice")).isEmpty();
        assertThat(other.conversations().findConversation(c.id())).isEmpty();
        assertThat(other.conversations().search(u.id(), "secret", 10)).isEmpty();
        assertThatThrownBy(() -> other.conversations().append(c.id(), NewMessage.user("x", 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations()
                        .updateConversation(
                                c.id(), ConversationUpdate.expecting(1).title("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations().lastMessages(c.id(), 5)).isInstanceOf(NotFoundException.class);
        assertThat(other.conversations().deleteConversation(c.id())).isFalse();
        assertThat(other.conversations().eraseUser(u.id())).isFalse();
        assertThat(store.conversations().lastMessages(c.id(), 5)).hasSize(1);
    }

    @Test
    void should_let_two_tenants_use_the_same_external_ids_and_names() {
        AgentStore other = otherTenant();
        User a = store.conversations().upsertUser(NewUser.of("web", "same"));
        User b = other.conversations().upsertUser(NewUser.of("web", "same"));
        assertThat(a.id()).isNotEqualTo(b.id());
        store.models()
                .register(ModelSpec.builder("shared-name", ModelFormat.GGUF).build());
        LlmModel theirs = other.models()
                .register(ModelSpec.builder("shared-name", ModelFormat.GGUF).build());
        assertThat(other.models().list(ModelFilter.all(), PageRequest.first(10)).items())
                .containsExactly(theirs);
        store.security()
                .createCredential(new NewCredential("bob", "bob@example.com", Secret.of("long enough password 1")));
        assertThat(other.security()
                        .verifyPassword("bob", Secret.of("long enough password 1"), LoginContext.unknown())
                        .status())
                .isEqualTo(LoginStatus.INVALID_CREDENTIALS);
    }

    @Test
    void should_isolate_vectors_cache_and_fast_state() {
        AgentStore other = otherTenant();
        store.vectors().createCollection(CollectionSpec.of("kb", 2));
        store.vectors().upsert("kb", java.util.List.of(Chunk.of("a", "x", new float[] {1, 0})));
        assertThat(other.vectors().findCollection("kb")).isEmpty();
        assertThatThrownBy(() -> other.vectors().count("kb")).isInstanceOf(NotFoundException.class);
        CacheKey key = CacheKey.of("m", Map.of(), "p");
        store.responseCache().put(key, "r", Duration.ofMinutes(1), Map.of());
        assertThat(other.responseCache().get(key)).isEmpty();
        store.sessions().put("s", Map.of(), Duration.ofMinutes(1));
        assertThat(other.sessions().get("s")).isEmpty();
        RateLimit one = RateLimit.of(1, Duration.ofMinutes(1));
        assertThat(store.rateLimits().tryAcquire("k", one).allowed()).isTrue();
        assertThat(other.rateLimits().tryAcquire("k", one).allowed()).isTrue();
        store.presence().markActive("room", "m", Duration.ofMinutes(1));
        assertThat(other.presence().count("room")).isZero();
        store.featureFlags().set("f", FlagScope.tenant(), FlagValue.of(true));
        assertThat(other.featureFlags().isEnabled("f", FlagContext.anonymous())).isFalse();
    }

    @Test
    void should_isolate_metrics_and_their_summaries() {
        AgentStore other = otherTenant();
        Instant at = Instant.parse("2026-04-02T10:00:00Z");
        clock.set(at.plus(Duration.ofDays(1)));
        MetricQuery day =
                MetricQuery.between(Instant.parse("2026-04-02T00:00:00Z"), Instant.parse("2026-04-03T00:00:00Z"));
        LlmRequestMetric metric = LlmRequestMetric.success(Ids.newId(), at, "m", 10, 20, 300);
        assertThat(store.metrics().recordLlm(metric)).isTrue();
        store.metrics().recordSystem(SystemSample.of(at, "h", 50, 50));
        store.metrics().rollupDay(LocalDate.of(2026, 4, 2));

        assertThat(other.metrics().llmMetrics(day, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(other.metrics().usageByModel(day)).isEmpty();
        assertThat(other.metrics()
                        .systemSamples(day.from(), day.to(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(other.metrics().dailySummary(LocalDate.of(2026, 4, 2))).isEmpty();
        assertThat(other.metrics().rollupDay(LocalDate.of(2026, 4, 2)).usage().requests())
                .isZero();
        assertThat(other.metrics().recordLlm(metric))
                .as("the same metric is new to another tenant")
                .isTrue();
        assertThat(store.metrics().usageByModel(day).get("m").requests()).isEqualTo(1);
    }

    @Test
    void should_refuse_every_by_id_call_of_security_with_another_tenants_ids_tokens_and_keys() throws Exception {
        AgentStore other = otherTenant();
        SecurityRepository mine = store.security();
        SecurityRepository theirs = other.security();
        Credential alice = mine.createCredential(
                new NewCredential("alice", "alice@example.com", Secret.of("alice's long password")));
        for (int i = 0; i < 10; i++) {
            mine.verifyPassword("alice", Secret.of("wrong " + i), LoginContext.unknown());
        }
        IssuedApiKey key = mine.createApiKey(new NewApiKey(alice.id(), "ci", Set.of(), null));
        CompletableFuture<Secret> token = new CompletableFuture<>();
        mine.requestPasswordReset("alice@example.com", (account, t) -> token.complete(t));
        Secret resetToken = token.get(10, TimeUnit.SECONDS);

        assertThat(theirs.findCredential(alice.id())).isEmpty();
        assertThatThrownBy(() -> theirs.unlock(alice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> theirs.enrollTotp(alice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> theirs.confirmTotp(alice.id(), "123456")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> theirs.verifyTotp(alice.id(), "123456")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> theirs.disableTotp(alice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> theirs.changePassword(
                        alice.id(), Secret.of("alice's long password"), Secret.of("taken over, long enough")))
                .isInstanceOf(NotFoundException.class);
        assertThat(theirs.verifyApiKey(key.rawKey())).isEmpty();
        assertThat(theirs.revokeApiKey(key.key().id())).isFalse();
        assertThat(theirs.listApiKeys(alice.id())).isEmpty();
        assertThatThrownBy(() -> theirs.resetPassword(resetToken, Secret.of("taken over, long enough")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(theirs.loginAttempts("alice", Instant.EPOCH, 100)).isEmpty();
        assertThat(theirs.events(null, Instant.EPOCH, 100))
                .as("only the other tenant's own events (its refused key), none of alice's")
                .extracting(SecurityEvent::type)
                .containsOnly(SecurityEventType.API_KEY_REJECTED);

        Credential after = mine.findCredential(alice.id()).orElseThrow();
        assertThat(after.lockedAt(clock.instant()))
                .as("still locked: the other tenant could not unlock")
                .isTrue();
        assertThat(mine.verifyApiKey(key.rawKey()))
                .as("not revoked by the other tenant")
                .isPresent();
        mine.resetPassword(resetToken, Secret.of("alice's new long password"));
        assertThat(mine.verifyPassword("alice", Secret.of("alice's new long password"), LoginContext.unknown())
                        .status())
                .isEqualTo(LoginStatus.SUCCESS);
    }

    @Test
    void should_refuse_every_by_id_call_of_agents_runs_feedback_and_models_with_another_tenants_ids() {
        AgentStore other = otherTenant();
        User u = store.conversations().upsertUser(NewUser.of("web", "alice"));
        Conversation c = store.conversations().createConversation(NewConversation.forUser(u.id()));
        Message answer = store.conversations().append(c.id(), NewMessage.assistant("an answer", 2));
        AgentDefinition agent =
                store.agents().define(AgentSpec.builder(u.id(), "planner", "m").build());
        AgentRun run = store.runs().create(NewRun.of(u.id(), "planner").inConversation(c.id()));
        Feedback feedback = store.feedback().give(NewFeedback.onMessage(u.id(), c.id(), answer.id(), 5));
        LlmModel model =
                store.models().register(ModelSpec.builder("m", ModelFormat.API).build());
        User theirUser = other.conversations().upsertUser(NewUser.of("web", "mallory"));

        assertThat(other.agents().find(agent.id())).isEmpty();
        assertThat(other.agents().findByName(u.id(), "planner")).isEmpty();
        assertThat(other.agents().listByOwner(u.id(), PageRequest.first(10)).items())
                .isEmpty();
        assertThatThrownBy(() -> other.agents()
                        .update(
                                agent.id(),
                                agent.version(),
                                AgentSpec.builder(u.id(), "planner", "x").build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.agents().delete(agent.id())).isFalse();
        assertThat(other.runs().find(run.id())).isEmpty();
        assertThatThrownBy(() -> other.runs().start(run.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.runs().cancel(run.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.runs().fail(run.id(), "sabotage", RunUsage.none()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.runs().complete(run.id(), Map.of(), RunUsage.none()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.feedback().find(u.id(), c.id(), answer.id())).isEmpty();
        assertThat(other.feedback().withdraw(feedback.id())).isFalse();
        assertThatThrownBy(() -> other.feedback().give(NewFeedback.onMessage(theirUser.id(), c.id(), answer.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatNothingOrNotFound(() -> other.feedback().ofConversation(c.id()));
        assertThat(other.models().findById(model.id())).isEmpty();
        assertThatThrownBy(() -> other.models().setActive(model.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.models().markUsed(model.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.models()
                        .update(
                                model.id(),
                                ModelSpec.builder("x", ModelFormat.API).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.models().delete(model.id())).isFalse();

        assertThat(store.agents().find(agent.id())).contains(agent);
        assertThat(store.runs().find(run.id())).contains(run);
        assertThat(store.feedback().find(u.id(), c.id(), answer.id())).contains(feedback);
        assertThat(store.models().findById(model.id())).contains(model);
    }

    @Test
    void should_refuse_every_by_id_call_of_sessions_users_and_messages_with_another_tenants_ids() {
        AgentStore other = otherTenant();
        User u = store.conversations().upsertUser(NewUser.of("web", "alice"));
        Conversation c = store.conversations().createConversation(NewConversation.forUser(u.id()));
        store.conversations().append(c.id(), NewMessage.user("tenant A secret", 3));
        ChatSession session = store.conversations().startSession(u.id(), Map.of());

        assertThat(other.conversations().findSession(session.id())).isEmpty();
        assertThatThrownBy(() -> other.conversations().touchSession(session.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations().endSession(session.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations().startSession(u.id(), Map.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatNothingOrNotFound(() -> other.conversations().sessionsOf(u.id(), 10));
        assertThatThrownBy(() -> other.conversations().updatePreferences(u.id(), Map.of("owned", true)))
                .isInstanceOf(NotFoundException.class);
        assertThatNothingOrNotFound(() -> other.conversations()
                .listConversations(u.id(), null, PageRequest.first(10))
                .items());
        assertThatThrownBy(() -> other.conversations().appendAll(c.id(), List.of(NewMessage.user("x", 1)), "key"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations().history(c.id(), HistoryOrder.OLDEST_FIRST, PageRequest.first(5)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.conversations().contextWindow(c.id(), 100))
                .isInstanceOf(NotFoundException.class);

        assertThat(store.conversations().findSession(session.id())).contains(session);
        assertThat(store.conversations().findUser(u.id()).orElseThrow().preferences())
                .isEmpty();
        assertThat(store.conversations().lastMessages(c.id(), 5)).hasSize(1);
    }

    @Test
    void should_keep_logs_usage_and_flags_apart_and_global_flags_to_the_root_store() {
        AgentStore other = otherTenant();
        User u = store.conversations().upsertUser(NewUser.of("web", "alice"));
        AuditEntry audited = store.auditLog().append(NewAuditEntry.of(u.id(), "did.something", "thing", "t1"));
        ErrorEntry error = store.errorLog().log(NewError.of("svc", "Boom", "tenant A's error"));
        store.apiUsage().record(ApiCall.forUser(Ids.newId(), clock.instant(), u.id(), "/v1/chat", 200, 7));
        store.apiUsage().setLimit(UsageLimit.requests(UsageSubject.user(u.id()), QuotaPeriod.DAY, 100));
        store.featureFlags().set("beta", FlagScope.tenant(), FlagValue.of(true));
        Instant from = clock.instant().minus(Duration.ofDays(1));
        Instant to = clock.instant().plusSeconds(1);

        assertThat(other.auditLog().find(audited.id())).isEmpty();
        assertThat(other.auditLog()
                        .list(AuditQuery.between(from, to), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(other.errorLog().find(error.id())).isEmpty();
        assertThat(other.errorLog()
                        .list(ErrorQuery.between(from, to), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(other.apiUsage().limit(UsageSubject.user(u.id()))).isEmpty();
        assertThat(other.apiUsage().quota(UsageSubject.user(u.id()))).isEmpty();
        assertThat(other.apiUsage().removeLimit(UsageSubject.user(u.id()))).isFalse();
        assertThat(other.apiUsage().daily(ApiUsageQuery.between(from, to))).isEmpty();
        assertThat(other.featureFlags().clear("beta", FlagScope.tenant())).isFalse();
        for (AgentStore view : List.of(other, store, root().forTenant(root().tenant()))) {
            assertThatThrownBy(() -> view.featureFlags().set("beta", FlagScope.global(), FlagValue.of(false)))
                    .as("a tenant view writing a value every tenant reads")
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("scope");
            assertThatThrownBy(() -> view.featureFlags().clear("beta", FlagScope.global()))
                    .isInstanceOf(InvalidInputException.class);
        }

        assertThat(store.apiUsage().limit(UsageSubject.user(u.id()))).isPresent();
        assertThat(store.featureFlags().isEnabled("beta", FlagContext.anonymous()))
                .isTrue();
        assertThat(other.featureFlags().isEnabled("beta", FlagContext.anonymous()))
                .isFalse();
    }

    /** A call about another tenant's thing answers empty or refuses it as unknown, never with the thing. */
    private static void assertThatNothingOrNotFound(
            java.util.function.Supplier<? extends java.util.Collection<?>> call) {
        try {
            assertThat(call.get()).isEmpty();
        } catch (NotFoundException expected) {
            // as good as empty
        }
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.NotFoundException;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.metrics.LlmRequestMetric;
import dev.agentstore.metrics.MetricQuery;
import dev.agentstore.metrics.SystemSample;
import dev.agentstore.model.LlmModel;
import dev.agentstore.model.ModelFilter;
import dev.agentstore.model.ModelFormat;
import dev.agentstore.model.ModelSpec;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewCredential;
import dev.agentstore.spi.Ids;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.RateLimit;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
}

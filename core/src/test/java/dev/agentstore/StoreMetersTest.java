package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.memory.MemoryStoreProvider;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewCredential;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.RecentMessagesCache;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import dev.agentstore.state.RateLimiter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The meters a store reports to the application's registry: a timer per repository operation and outcome, no tenant
 * tag unless asked for, the SDK's own counters, and nothing at all (no proxy) without a registry.
 */
class StoreMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void should_time_each_operation_by_capability_backend_and_outcome_without_a_tenant_tag() {
        try (AgentStore store = AgentStore.builder(StoreConfig.defaults())
                .meterRegistry(registry)
                .open()) {
            ConversationRepository chats = store.forTenant("acme").conversations();
            Conversation chat = chats.createConversation(NewConversation.forUser(
                    chats.upsertUser(NewUser.of("web", "ann")).id()));
            chats.append(chat.id(), NewMessage.user("hello", 1));
            chats.append(chat.id(), NewMessage.user("again", 1));
            assertThatThrownBy(() -> chats.append(chat.id(), null)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> chats.append(UUID.randomUUID(), NewMessage.user("lost", 1)))
                    .isInstanceOf(NotFoundException.class);

            assertThat(operation("conversations", "append", "success").count()).isEqualTo(2);
            assertThat(operation("conversations", "append", "invalid_input").count())
                    .isEqualTo(1);
            assertThat(operation("conversations", "append", "not_found").count())
                    .isEqualTo(1);
            assertThat(operation("conversations", "createConversation", "success")
                            .count())
                    .isEqualTo(1);
            assertThat(operation("conversations", "append", "success")
                            .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                    .isPositive();
            assertThat(registry.find("agentstore.operation").timers()).allSatisfy(timer -> {
                assertThat(timer.getId().getTag("backend")).isEqualTo("memory");
                assertThat(timer.getId().getTag("tenant")).isNull();
            });
        }
    }

    @Test
    void should_tag_the_tenant_only_when_asked_to() {
        StoreConfig config =
                StoreConfig.builder().set("meters.tag-tenant", "true").build();
        try (AgentStore store =
                AgentStore.builder(config).meterRegistry(registry).open()) {
            store.forTenant("acme").conversations().upsertUser(NewUser.of("web", "ann"));
            store.forTenant("globex").conversations().upsertUser(NewUser.of("web", "bob"));
        }
        assertThat(registry.find("agentstore.operation").tag("operation", "upsertUser").timers().stream()
                        .map(timer -> timer.getId().getTag("tenant")))
                .containsExactlyInAnyOrder("acme", "globex");
    }

    @Test
    void should_count_rate_limit_decisions_lockouts_cache_hits_and_fallbacks() {
        StoreConfig config = StoreConfig.builder()
                .set("security.lockout-after", "3")
                .set("provider.rate-limits", FlakyProvider.ID)
                .set("provider.context-cache", FlakyProvider.ID)
                .build();
        FlakyProvider flaky = new FlakyProvider();
        try (AgentStore store = AgentStore.builder(config)
                .provider(flaky)
                .meterRegistry(registry)
                .open()) {
            RateLimit limit = RateLimit.of(2, Duration.ofMinutes(1));
            for (int i = 0; i < 3; i++) {
                store.rateLimits().tryAcquire("ann", limit);
            }
            assertThat(counter("agentstore.rate.limit", "decision", "allowed")).isEqualTo(2);
            assertThat(counter("agentstore.rate.limit", "decision", "refused")).isEqualTo(1);
            assertThat(registry.find("agentstore.degraded.fallbacks").counter()).isNull();

            flaky.down.set(true);
            assertThat(store.rateLimits().tryAcquire("bob", limit).allowed()).isTrue();
            assertThat(counter("agentstore.degraded.fallbacks", "capability", "rate_limits"))
                    .isEqualTo(1);
            assertThat(counter("agentstore.rate.limit", "decision", "allowed")).isEqualTo(3);

            ConversationRepository chats = store.conversations();
            Conversation chat = chats.createConversation(NewConversation.forUser(
                    chats.upsertUser(NewUser.of("web", "ann")).id()));
            chats.append(chat.id(), NewMessage.user("hello", 1));
            chats.lastMessages(chat.id(), 10); // fills the cache
            chats.lastMessages(chat.id(), 10);
            assertThat(counter("agentstore.context.cache", "result", "miss")).isEqualTo(1);
            assertThat(counter("agentstore.context.cache", "result", "hit")).isEqualTo(1);

            store.security()
                    .createCredential(new NewCredential("ann", "ann@example.com", Secret.of("correct horse battery")));
            for (int i = 0; i < 3; i++) {
                store.security().verifyPassword("ann", Secret.of("wrong " + i), LoginContext.unknown());
            }
            assertThat(registry.find("agentstore.security.lockouts").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void should_hand_out_the_repositories_themselves_without_a_registry() {
        try (AgentStore store = AgentStore.inMemory()) {
            assertThat(Proxy.isProxyClass(store.conversations().getClass())).isFalse();
            assertThat(Proxy.isProxyClass(store.vectors().getClass())).isFalse();
        }
        try (AgentStore store = AgentStore.builder(StoreConfig.defaults())
                .meterRegistry(registry)
                .open()) {
            assertThat(Proxy.isProxyClass(store.conversations().getClass())).isTrue();
            assertThat(store.conversations()).isEqualTo(store.conversations());
        }
    }

    @Test
    void should_refuse_a_missing_registry_by_name() {
        assertThatThrownBy(() -> AgentStore.builder(StoreConfig.defaults()).meterRegistry(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("registry");
    }

    private Timer operation(String capability, String operation, String outcome) {
        Timer timer = registry.find("agentstore.operation")
                .tag("capability", capability)
                .tag("operation", operation)
                .tag("outcome", outcome)
                .timer();
        assertThat(timer).as("%s.%s %s", capability, operation, outcome).isNotNull();
        return timer;
    }

    private double counter(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    /** Rate limits that fail as an unreachable Redis would while {@link #down}, and the memory context cache. */
    static final class FlakyProvider implements StoreProvider {
        static final String ID = "flaky";
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String artifact() {
            return "test";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.RATE_LIMITS, Capability.CONTEXT_CACHE);
        }

        @Override
        public boolean isConfigured(StoreConfig config) {
            return true;
        }

        @Override
        public StoreBackend open(StoreContext context) {
            StoreBackend memory = new MemoryStoreProvider().open(context);
            return new StoreBackend() {
                @Override
                public RateLimiter rateLimits(String tenant) {
                    RateLimiter limiter = memory.rateLimits(tenant);
                    return new RateLimiter() {
                        @Override
                        public RateLimitDecision tryAcquire(String key, RateLimit limit) {
                            if (down.get()) {
                                throw new StoreUnavailableException("flaky is down");
                            }
                            return limiter.tryAcquire(key, limit);
                        }

                        @Override
                        public void reset(String key) {
                            limiter.reset(key);
                        }
                    };
                }

                @Override
                public RecentMessagesCache recentMessages(String tenant) {
                    return memory.recentMessages(tenant);
                }

                @Override
                public String health() {
                    return "up";
                }

                @Override
                public void close() {
                    memory.close();
                }
            };
        }
    }
}

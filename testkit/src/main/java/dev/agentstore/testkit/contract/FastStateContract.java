package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.state.FlagContext;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.RateLimit;
import dev.agentstore.state.RateLimitDecision;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session cache, rate limits, presence and feature flags. */
public abstract class FastStateContract extends StoreContract {

    @Test
    void should_expire_a_session_unless_touched() {
        store.sessions().put("s1", Map.of("user", "alice"), Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9));
        assertThat(store.sessions().touch("s1", Duration.ofMinutes(10))).isPresent();
        clock.advance(Duration.ofMinutes(9));
        assertThat(store.sessions().get("s1").orElseThrow().attributes()).containsEntry("user", "alice");
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.sessions().get("s1")).isEmpty();
        assertThat(store.sessions().touch("s1", Duration.ofMinutes(10))).isEmpty();
    }

    @Test
    void should_set_attributes_and_remove_sessions() {
        store.sessions().put("s2", Map.of(), Duration.ofMinutes(1));
        assertThat(store.sessions()
                        .setAttribute("s2", "step", "3")
                        .orElseThrow()
                        .attributes())
                .containsEntry("step", "3");
        assertThat(store.sessions().setAttribute("none", "a", "b")).isEmpty();
        assertThat(store.sessions().remove("s2")).isTrue();
        assertThat(store.sessions().remove("s2")).isFalse();
    }

    @Test
    void should_allow_exactly_the_permits_in_a_sliding_window() {
        RateLimit limit = RateLimit.of(3, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(store.rateLimits().tryAcquire("k", limit).allowed()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        RateLimitDecision refused = store.rateLimits().tryAcquire("k", limit);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofSeconds(7));
        RateLimitDecision allowed = store.rateLimits().tryAcquire("k", limit);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.remaining()).isZero();
    }

    @Test
    void should_be_exact_under_concurrent_callers() throws Exception {
        RateLimit limit = RateLimit.of(20, Duration.ofMinutes(1));
        List<Boolean> results = Concurrently.run(
                100, i -> store.rateLimits().tryAcquire("hot", limit).allowed());
        assertThat(results.stream().filter(b -> b).count()).isEqualTo(20);
    }

    @Test
    void should_count_keys_independently_and_reset() {
        RateLimit limit = RateLimit.of(1, Duration.ofMinutes(1));
        assertThat(store.rateLimits().tryAcquire("a", limit).allowed()).isTrue();
        assertThat(store.rateLimits().tryAcquire("b", limit).allowed()).isTrue();
        assertThat(store.rateLimits().tryAcquire("a", limit).allowed()).isFalse();
        store.rateLimits().reset("a");
        assertThat(store.rateLimits().tryAcquire("a", limit).allowed()).isTrue();
    }

    @Test
    void should_track_presence_with_per_member_expiry() {
        store.presence().markActive("room", "ann", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(10));
        store.presence().markActive("room", "ben", Duration.ofSeconds(30));
        assertThat(store.presence().count("room")).isEqualTo(2);
        assertThat(store.presence().activeMembers("room", 10)).containsExactly("ben", "ann");
        clock.advance(Duration.ofSeconds(25));
        assertThat(store.presence().isActive("room", "ann")).isFalse();
        assertThat(store.presence().activeMembers("room", 10)).containsExactly("ben");
        assertThat(store.presence().leave("room", "ben")).isTrue();
        assertThat(store.presence().count("room")).isZero();
    }

    @Test
    void should_remove_a_member_from_every_scope_of_the_tenant_only() {
        store.presence().markActive("room-a", "ann", Duration.ofMinutes(1));
        store.presence().markActive("room-b", "ann", Duration.ofMinutes(1));
        store.presence().markActive("room-c", "ann", Duration.ofSeconds(2));
        store.presence().markActive("room-a", "bob", Duration.ofMinutes(1));
        AgentStore other = otherTenant();
        other.presence().markActive("room-a", "ann", Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(3)); // room-c's presence has lapsed: not counted

        assertThat(store.presence().leaveEverywhere("ann")).isEqualTo(2);
        assertThat(store.presence().activeMembers("room-a", 10)).containsExactly("bob");
        assertThat(store.presence().isActive("room-b", "ann")).isFalse();
        assertThat(other.presence().isActive("room-a", "ann")).isTrue();
        assertThat(store.presence().leaveEverywhere("ann")).isZero();
    }

    @Test
    void should_clear_every_value_of_one_user_in_the_tenant_only() {
        store.featureFlags().set("beta", FlagScope.user("ann"), FlagValue.of(true));
        store.featureFlags().set("theme", FlagScope.user("ann"), FlagValue.of("dark"));
        store.featureFlags().set("beta", FlagScope.user("bob"), FlagValue.of(true));
        store.featureFlags().set("beta", FlagScope.tenant(), FlagValue.of(false));
        AgentStore other = otherTenant();
        other.featureFlags().set("beta", FlagScope.user("ann"), FlagValue.of(true));

        assertThat(store.featureFlags().clearUser("ann")).isEqualTo(2);
        assertThat(store.featureFlags().evaluate("beta", FlagContext.of("ann", null)))
                .contains(FlagValue.of(false));
        assertThat(store.featureFlags().evaluate("theme", FlagContext.of("ann", null)))
                .isEmpty();
        assertThat(store.featureFlags().evaluate("beta", FlagContext.of("bob", null)))
                .contains(FlagValue.of(true));
        assertThat(other.featureFlags().evaluate("beta", FlagContext.of("ann", null)))
                .contains(FlagValue.of(true));
        assertThatThrownBy(() -> store.featureFlags().clearUser(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scope.id");
    }

    @Test
    void should_resolve_flags_from_the_most_specific_scope() {
        String flag = "f-" + java.util.UUID.randomUUID(); // global values are shared with every other test's tenant
        root().featureFlags().set(flag, FlagScope.global(), FlagValue.of("global"));
        assertThat(store.featureFlags().evaluate(flag, FlagContext.anonymous())).contains(FlagValue.of("global"));
        store.featureFlags().set(flag, FlagScope.tenant(), FlagValue.of("tenant"));
        store.featureFlags().set(flag, FlagScope.channel("slack"), FlagValue.of("channel"));
        store.featureFlags().set(flag, FlagScope.user("u1"), FlagValue.of("user"));
        assertThat(store.featureFlags().evaluate(flag, FlagContext.of("u1", "slack")))
                .contains(FlagValue.of("user"));
        assertThat(store.featureFlags().evaluate(flag, FlagContext.of("u2", "slack")))
                .contains(FlagValue.of("channel"));
        assertThat(store.featureFlags().evaluate(flag, FlagContext.of("u2", "web")))
                .contains(FlagValue.of("tenant"));
        assertThat(store.featureFlags().clear(flag, FlagScope.tenant())).isTrue();
        assertThat(store.featureFlags().evaluate(flag, FlagContext.of("u2", "web")))
                .contains(FlagValue.of("global"));
        root().featureFlags().clear(flag, FlagScope.global());
    }

    @Test
    void should_keep_flag_values_typed() {
        store.featureFlags().set("on", FlagScope.tenant(), FlagValue.of(true));
        store.featureFlags().set("limit", FlagScope.tenant(), new FlagValue(42));
        assertThat(store.featureFlags().isEnabled("on", FlagContext.anonymous()))
                .isTrue();
        assertThat(store.featureFlags().isEnabled("missing", FlagContext.anonymous()))
                .isFalse();
        assertThat(store.featureFlags()
                        .evaluate("limit", FlagContext.anonymous())
                        .orElseThrow()
                        .as(Long.class))
                .isEqualTo(42L);
        assertThatThrownBy(() -> store.featureFlags()
                        .evaluate("limit", FlagContext.anonymous())
                        .orElseThrow()
                        .as(String.class))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_assign_stable_evenly_spread_variants() {
        List<String> variants = List.of("control", "treatment");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            String v = store.featureFlags().variant("exp", "user-" + i, variants);
            assertThat(store.featureFlags().variant("exp", "user-" + i, variants))
                    .isEqualTo(v);
            counts.merge(v, 1, Integer::sum);
        }
        assertThat(counts.get("control")).isBetween(900, 1100);
        assertThat(store.featureFlags().variant("exp", "user-1", variants))
                .isEqualTo(otherTenant().featureFlags().variant("exp", "user-1", variants));
    }
}

package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.cache.CacheKey;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.state.RateLimit;
import dev.agentstore.testkit.fixture.RedisServer;
import dev.agentstore.testkit.fixture.TestServers;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** What agentstore leaves in Redis: namespaced keys, each with a TTL except feature flags. */
class RedisKeysIT {

    @Test
    void should_namespace_every_key_by_tenant_and_give_every_key_but_flags_a_ttl() {
        RedisServer server = TestServers.redis();
        String tenant = "keys-" + UUID.randomUUID();
        try (AgentStore root = AgentStore.open(server.storeConfig());
                RedisClient raw = RedisClient.create(server.host(), server.port())) {
            AgentStore store = root.forTenant(tenant);
            store.sessions().put("s1", Map.of("a", "b"), Duration.ofMinutes(5));
            store.sessions().touch("s1", Duration.ofMinutes(10));
            store.rateLimits().tryAcquire("api", RateLimit.of(1, Duration.ofSeconds(30)));
            store.rateLimits().tryAcquire("api", RateLimit.of(1, Duration.ofSeconds(30)));
            store.presence().markActive("room", "ann", Duration.ofSeconds(30));
            store.featureFlags().set("beta", FlagScope.tenant(), FlagValue.of(true));
            store.responseCache()
                    .put(CacheKey.of("m", Map.of(), "hi"), "hello", Duration.ofMinutes(1), Map.of("tokens", 3));
            Conversation chat = store.conversations()
                    .createConversation(NewConversation.forUser(store.conversations()
                            .upsertUser(NewUser.of("web", "ann"))
                            .id()));
            store.conversations().append(chat.id(), NewMessage.user("hi", 1));
            store.conversations().lastMessages(chat.id(), 1);

            Set<String> keys = keysOf(raw, "agentstore:*" + tenant + "*");
            assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith("agentstore:{" + tenant + "|"));
            assertThat(keys)
                    .anyMatch(key -> key.contains("|session|"))
                    .anyMatch(key -> key.contains("|rate|"))
                    .anyMatch(key -> key.contains("|presence|"))
                    .anyMatch(key -> key.contains("|flag|"))
                    .anyMatch(key -> key.contains("|rc}"))
                    .anyMatch(key -> key.contains("|ctx|"));
            for (String key : keys) {
                long ttl = raw.pttl(key);
                if (key.contains("|flag|")) {
                    assertThat(ttl).as("flags are configuration: %s", key).isEqualTo(-1);
                } else {
                    assertThat(ttl).as("TTL of %s", key).isPositive();
                }
            }
        }
    }

    private static Set<String> keysOf(RedisClient raw, String pattern) {
        Set<String> keys = new TreeSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    raw.scan(cursor, new ScanParams().match(pattern).count(1_000));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}

package dev.agentstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.conversation.ChatSession;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.conversation.User;
import dev.agentstore.state.FlagScope;
import dev.agentstore.state.FlagValue;
import dev.agentstore.testkit.fixture.RedisServer;
import dev.agentstore.testkit.fixture.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * After a user was filed into every kind of Redis key agentstore writes for a user (a cached session of its chat
 * session, presence in two scopes, flag values, the recent context of its conversation) and erased, no key of the
 * tenant holds the user's id, external id or message text in its name or its content.
 */
class RedisEraseEverywhereIT {
    private static final String MESSAGE = "only the erased user said this, ember-walrus-" + UUID.randomUUID();

    @Test
    void should_leave_no_key_naming_the_erased_user() {
        RedisServer server = TestServers.redis();
        String tenant = "erase-" + UUID.randomUUID();
        String externalId = "ext-" + UUID.randomUUID();
        try (AgentStore root = AgentStore.open(server.storeConfig());
                RedisClient raw = RedisClient.create(server.host(), server.port())) {
            AgentStore store = root.forTenant(tenant);
            User user = store.conversations().upsertUser(NewUser.of("web", externalId));
            String me = user.id().toString();
            ChatSession session = store.conversations().startSession(user.id(), Map.of());
            Conversation chat = store.conversations().createConversation(NewConversation.forUser(user.id()));
            store.conversations().append(chat.id(), NewMessage.user(MESSAGE, 9));
            store.conversations().lastMessages(chat.id(), 5); // fills the recent-context cache
            store.sessions().put(session.id().toString(), Map.of("user", me), Duration.ofMinutes(5));
            store.presence().markActive("room-a", me, Duration.ofMinutes(5));
            store.presence().markActive("room-b", me, Duration.ofMinutes(5));
            store.featureFlags().set("beta", FlagScope.user(me), FlagValue.of(true));
            assertThat(naming(raw, tenant, me, externalId)).as("seeded").hasSizeGreaterThanOrEqualTo(5);

            store.conversations().eraseUser(user.id());

            assertThat(naming(raw, tenant, me, externalId)).isEmpty();
        }
    }

    /** The tenant's keys whose name or content holds the user's id, external id or message. */
    private static List<String> naming(RedisClient raw, String tenant, String id, String externalId) {
        List<String> found = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = raw.scan(
                    cursor,
                    new ScanParams().match("agentstore:{" + tenant + "|*").count(1_000));
            for (String key : page.getResult()) {
                String text = key + " " + content(raw, key);
                if (text.contains(id) || text.contains(externalId) || text.contains(MESSAGE)) {
                    found.add(key);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return found;
    }

    private static String content(RedisClient raw, String key) {
        return switch (raw.type(key)) {
            case "string" -> raw.get(key);
            case "hash" -> raw.hgetAll(key).toString();
            case "list" -> raw.lrange(key, 0, -1).toString();
            case "zset" -> raw.zrange(key, 0, -1).toString();
            case "set" -> raw.smembers(key).toString();
            default -> "";
        };
    }
}

package dev.agentstore.redis.internal;

import dev.agentstore.conversation.Message;
import dev.agentstore.spi.CacheLookup;
import dev.agentstore.spi.RecentMessagesCache;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The recent-context cache of one tenant: a hash and a list per conversation, each operation one script (see
 * {@code context.lua}). {@link #invalidateAll} finds the tenant's conversations with SCAN on every node and
 * invalidates each.
 */
final class RedisRecentMessagesCache implements RecentMessagesCache {
    private static final LuaScript SCRIPT = LuaScript.load("context");

    private final RedisConnections redis;
    private final Keys keys;
    private final Clock clock;
    private final int capacity;
    private final Duration ttl;

    RedisRecentMessagesCache(RedisConnections redis, Keys keys, Clock clock, int capacity, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
        this.capacity = capacity;
        this.ttl = ttl;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public CacheLookup newest(UUID conversationId, int count) {
        List<?> reply = (List<?>) run(conversationId, "newest", List.of(Integer.toString(count)));
        if ((Long) reply.get(0) == 1L) {
            List<Message> messages = new ArrayList<>();
            for (Object json : (List<?>) reply.get(1)) {
                messages.add(MessageCodec.decode((String) json));
            }
            return CacheLookup.hit(messages);
        }
        return CacheLookup.miss(Long.parseLong((String) reply.get(1)));
    }

    @Override
    public boolean fill(UUID conversationId, List<Message> newest, boolean whole, long epoch) {
        List<Message> kept = newest.subList(Math.max(0, newest.size() - capacity), newest.size());
        List<String> args = new ArrayList<>(List.of(
                Long.toString(epoch),
                whole && kept.size() == newest.size() ? "1" : "0",
                expiry(),
                Long.toString(kept.isEmpty() ? 0 : kept.get(kept.size() - 1).sequence())));
        kept.forEach(m -> args.add(MessageCodec.encode(m)));
        return (Long) run(conversationId, "fill", args) == 1L;
    }

    @Override
    public void appended(UUID conversationId, List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Message> kept = messages.subList(Math.max(0, messages.size() - capacity), messages.size());
        List<String> args = new ArrayList<>(List.of(
                Integer.toString(capacity),
                expiry(),
                Long.toString(messages.get(0).sequence()),
                Long.toString(messages.get(messages.size() - 1).sequence())));
        kept.forEach(m -> args.add(MessageCodec.encode(m)));
        run(conversationId, "appended", args);
    }

    @Override
    public void invalidate(UUID conversationId) {
        run(conversationId, "invalidate", List.of());
    }

    @Override
    public void invalidateAll() {
        for (String key : redis.scan(keys.contextPattern())) {
            String id = key.substring(key.lastIndexOf('|') + 1, key.length() - 1);
            invalidate(UUID.fromString(id));
        }
    }

    private String expiry() {
        return Long.toString(clock.instant().plus(ttl).toEpochMilli());
    }

    private Object run(UUID conversationId, String op, List<String> more) {
        List<String> args = new ArrayList<>(3 + more.size());
        args.add(op);
        args.add(Long.toString(clock.millis()));
        args.add(Long.toString(ttl.toMillis()));
        args.addAll(more);
        return redis.call(
                r -> SCRIPT.run(r, List.of(keys.context(conversationId), keys.contextMessages(conversationId)), args));
    }
}

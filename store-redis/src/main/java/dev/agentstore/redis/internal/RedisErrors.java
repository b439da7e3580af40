package dev.agentstore.redis.internal;

import dev.agentstore.AgentStoreException;
import dev.agentstore.StoreUnavailableException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** Jedis exceptions as agentstore ones, keeping the cause. */
final class RedisErrors {
    private RedisErrors() {}

    /**
     * A lost or refused connection, a timeout, an empty pool, or a server that cannot take writes now (out of
     * memory, busy, loading, read-only replica, cluster down) is {@link StoreUnavailableException}: worth retrying.
     * Any other reply error is a bug on our side and surfaces as {@link AgentStoreException}.
     */
    static AgentStoreException translate(JedisException e) {
        if (e instanceof JedisDataException data) {
            String message = String.valueOf(data.getMessage());
            if (message.startsWith("OOM")
                    || message.startsWith("BUSY")
                    || message.startsWith("LOADING")
                    || message.startsWith("READONLY")
                    || message.startsWith("CLUSTERDOWN")
                    || message.startsWith("TRYAGAIN")
                    || message.startsWith("MASTERDOWN")) {
                return new StoreUnavailableException("Redis cannot serve the call now: " + message, e);
            }
            return new AgentStoreException("Redis refused the call: " + message, e);
        }
        String kind = e instanceof JedisConnectionException ? "unreachable" : "unavailable";
        return new StoreUnavailableException("Redis " + kind + ": " + e.getMessage(), e);
    }
}

/**
 * agentstore store-redis: the fast-state services (session cache, rate limits, presence, feature flags), the
 * response cache and the recent-context cache on Redis or Redis Cluster, through Jedis. Add the artifact and set
 * {@code redis.url}; {@link dev.agentstore.redis.RedisStoreProvider} is found by {@link java.util.ServiceLoader}.
 */
package dev.agentstore.redis;

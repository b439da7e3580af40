/**
 * The Redis backend's mechanics: connections, key names, Lua scripts and the repositories built on them.
 * Internal: not part of the supported API.
 */
package dev.agentstore.redis.internal;

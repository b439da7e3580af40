/**
 * Degraded operation while a fast-state backend fails: rate limits answered by an in-JVM limiter (or refused),
 * and the log lines that say so. Internal: not part of the supported API.
 */
package dev.agentstore.internal.degrade;

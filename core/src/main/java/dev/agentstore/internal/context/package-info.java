/**
 * The recent-context cache in front of the conversations backend: read-through, write-through, and bypassed
 * (never an error to the caller) while the cache fails. Internal: not part of the supported API.
 */
package dev.agentstore.internal.context;

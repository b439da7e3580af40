/**
 * The in-memory backend: the zero-setup default and the reference for how every backend behaves. Nothing
 * persists beyond the store's lifetime. Thread-safe: each tenant's repositories synchronise on their own state.
 */
package dev.agentstore.memory;

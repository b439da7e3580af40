/**
 * One-call context assembly: what to send to a model for a conversation under a token budget (the system message,
 * pinned memory blocks, the running summary, recalled messages and the most recent turns), each part with its cost.
 */
package dev.agentstore.context;

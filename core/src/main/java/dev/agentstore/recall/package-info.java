/**
 * Semantic recall over a user's past messages: embeddings supplied by the caller, ranked by vector similarity fused
 * with full-text rank and recency, each hit with its neighbouring turns. Opt-in per user or per agent.
 */
package dev.agentstore.recall;

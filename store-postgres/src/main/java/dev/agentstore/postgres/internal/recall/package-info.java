/** Semantic recall on PostgreSQL: embeddings beside their messages, ranked and fused in one statement. */
package dev.agentstore.postgres.internal.recall;

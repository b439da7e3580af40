package dev.agentstore.conversation;

/**
 * One full-text search result.
 *
 * @param message the matching message
 * @param score relevance, higher is better; comparable only within one result list
 */
public record MessageSearchHit(Message message, double score) {}

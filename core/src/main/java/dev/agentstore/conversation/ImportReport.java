package dev.agentstore.conversation;

/**
 * What one {@link ConversationRepository#importHistory} call stored; what was there already (same ids) is not
 * counted, so importing the same batch again reports zeros.
 *
 * @param users users stored
 * @param conversations conversations stored
 * @param messages messages stored
 */
public record ImportReport(int users, int conversations, long messages) {}

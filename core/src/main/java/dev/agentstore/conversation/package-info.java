/**
 * Conversations: users across channels, chat sessions, conversations (threads) and their messages, with
 * keyset-paged history, token-budget context windows and full-text search.
 *
 * <p>Null rule: arguments are non-null unless a parameter or record component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null. Records are immutable; metadata and
 * preferences are unmodifiable deep copies.
 */
package dev.agentstore.conversation;

package dev.agentstore.benchmarks;

import java.util.List;
import java.util.UUID;

/**
 * One side of the conversation benchmark: agentstore or raw JDBC doing the same writes and reads on the same
 * tables.
 */
interface ConversationWorkload {
    /** Creates {@code count} conversations (one user each) to write into; not timed. */
    List<UUID> createConversations(int count);

    /** Appends one message in its own call. */
    void appendOne(UUID conversation, String content, int tokens);

    /** Appends a batch of messages in one call. */
    void appendBatch(UUID conversation, List<String> contents, int tokensEach);

    /** Reads the last {@code count} messages, materialised. */
    int readLast(UUID conversation, int count);

    /** Reads the token-budget window, materialised. */
    int readWindow(UUID conversation, int budget);
}

package dev.agentstore.benchmarks;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The workload on Spring AI's {@code JdbcChatMemoryRepository} (PostgreSQL dialect, its own table, one connection as
 * the table owner, no row-level security), used the only way its API allows: the repository stores a
 * conversation's whole list ({@code saveAll} deletes and re-inserts it), so an append reads the list and saves it
 * with the new messages, as Spring AI's own {@code MessageWindowChatMemory} does, and the last 20 messages and the
 * token window are taken from the whole list read back (its messages carry no token count: the benchmark's count per
 * message is used).
 */
final class SpringAiJdbcConversations implements ConversationWorkload {
    private final ChatMemoryRepository repository;
    private final int tokensEach;

    SpringAiJdbcConversations(Connection connection, int tokensEach) {
        this.repository = JdbcChatMemoryRepository.builder()
                .jdbcTemplate(new JdbcTemplate(new SingleConnectionDataSource(connection, true)))
                .dialect(new PostgresChatMemoryRepositoryDialect())
                .build();
        this.tokensEach = tokensEach;
    }

    @Override
    public List<UUID> createConversations(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID()); // a conversation exists once it has messages
        }
        return ids;
    }

    @Override
    public void appendOne(UUID conversation, String content, int tokens) {
        appendBatch(conversation, List.of(content), tokens);
    }

    @Override
    public void appendBatch(UUID conversation, List<String> contents, int tokensEach) {
        List<Message> messages = new ArrayList<>(repository.findByConversationId(conversation.toString()));
        contents.forEach(content -> messages.add(new UserMessage(content)));
        repository.saveAll(conversation.toString(), messages);
    }

    @Override
    public int readLast(UUID conversation, int count) {
        List<Message> messages = repository.findByConversationId(conversation.toString());
        return messages.subList(Math.max(0, messages.size() - count), messages.size())
                .size();
    }

    @Override
    public int readWindow(UUID conversation, int budget) {
        List<Message> messages = repository.findByConversationId(conversation.toString());
        int used = 0;
        int taken = 0;
        for (int i = messages.size() - 1; i >= 0 && used + tokensEach <= budget; i--) {
            used += tokensEach;
            taken++;
        }
        return taken;
    }
}

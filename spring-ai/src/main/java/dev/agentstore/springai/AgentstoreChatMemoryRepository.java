package dev.agentstore.springai;

import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.FrameworkMemory;
import dev.agentstore.conversation.MemoryCodec;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.springai.internal.SpringMessages;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;

/**
 * Spring AI's {@link ChatMemoryRepository} over agentstore's conversations, for {@code MessageWindowChatMemory} and
 * the chat-memory advisors: tool calls are kept (with their ids and arguments), and {@link #saveAll} appends only the
 * new messages and moves the conversation's memory window past the evicted ones in one atomic step, instead of
 * rewriting the conversation (one read and one append per update, see {@link FrameworkMemory}); the full history
 * stays in agentstore's append-only log.
 *
 * <pre>{@code
 * ChatMemory memory = MessageWindowChatMemory.builder()
 *         .chatMemoryRepository(AgentstoreChatMemoryRepository.builder(store.conversations()).build())
 *         .maxMessages(20)
 *         .build();
 * }</pre>
 *
 * <p>A Spring AI conversation id is the external key of an agentstore conversation (after the key prefix), created on
 * first save and owned by one user ({@link Builder#owner}). {@link #findConversationIds} lists that user's active
 * conversations of this repository, newest first. {@link #deleteByConversationId} empties the memory and archives the
 * conversation, keeping its history; saving to it again makes it active. Thread-safe; one conversation id is not meant to be saved
 * from two threads at once.
 */
public final class AgentstoreChatMemoryRepository implements ChatMemoryRepository {
    /** The metadata key marking the first message of a rewritten memory (nothing of the window kept). */
    public static final String REWRITE = "spring-ai.rewrite";

    private static final MemoryCodec<Message> CODEC = MemoryCodec.of(
            SpringMessages::fromStored, SpringMessages::toNew, message -> message instanceof SystemMessage);

    private final FrameworkMemory<Message> memory;

    private AgentstoreChatMemoryRepository(Builder builder) {
        this.memory = FrameworkMemory.builder(builder.conversations, CODEC)
                .owner(builder.owner)
                .keyPrefix(builder.keyPrefix)
                .rewriteKey(REWRITE)
                .build();
    }

    /** A builder over {@code conversations}, typically {@code store.forTenant(tenant).conversations()}. */
    public static Builder builder(ConversationRepository conversations) {
        return new Builder(Objects.requireNonNull(conversations, "conversations"));
    }

    @Override
    public List<String> findConversationIds() {
        return memory.memoryIds();
    }

    @Override
    public List<Message> findByConversationId(String conversationId) {
        return memory.read(id(conversationId));
    }

    @Override
    public void saveAll(String conversationId, List<Message> messages) {
        Objects.requireNonNull(messages, "messages");
        memory.write(id(conversationId), messages);
    }

    /** Empties the memory and archives the conversation (it leaves {@link #findConversationIds}); the history stays. */
    @Override
    public void deleteByConversationId(String conversationId) {
        memory.delete(id(conversationId));
    }

    private static String id(String conversationId) {
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId cannot be null or empty");
        }
        return conversationId;
    }

    /** Settings of an {@link AgentstoreChatMemoryRepository}. */
    public static final class Builder {
        private final ConversationRepository conversations;
        private NewUser owner = NewUser.of("spring-ai", "chat-memory");
        private String keyPrefix = "spring-ai:";

        private Builder(ConversationRepository conversations) {
            this.conversations = conversations;
        }

        /** The user the conversations belong to (default: channel {@code spring-ai}, id {@code chat-memory}). */
        public Builder owner(NewUser user) {
            this.owner = Objects.requireNonNull(user, "user");
            return this;
        }

        /** What precedes a Spring AI conversation id in its external key (default {@code spring-ai:}). */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The repository. */
        public AgentstoreChatMemoryRepository build() {
            return new AgentstoreChatMemoryRepository(this);
        }
    }
}

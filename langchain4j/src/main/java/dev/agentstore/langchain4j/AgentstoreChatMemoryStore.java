package dev.agentstore.langchain4j;

import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.FrameworkMemory;
import dev.agentstore.conversation.MemoryCodec;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.langchain4j.internal.ChatMessages;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Objects;

/**
 * LangChain4j's {@link ChatMemoryStore} over agentstore's conversations: {@code MessageWindowChatMemory},
 * {@code TokenWindowChatMemory} and the rest work unchanged, while every message stays in agentstore's append-only
 * history (readable with {@code history}, the context window, search and feedback).
 *
 * <pre>{@code
 * ChatMemoryStore store = AgentstoreChatMemoryStore.builder(agentStore.conversations()).build();
 * ChatMemory memory = MessageWindowChatMemory.builder().id(userId).maxMessages(20).chatMemoryStore(store).build();
 * }</pre>
 *
 * <p>A memory id is any object with a stable {@code toString()}; its conversation is the one whose external key is the
 * key prefix followed by that string, created on first update. {@link #getMessages} returns exactly the list last
 * given to {@link #updateMessages}: the conversation's memory window, read in one statement. An update appends only
 * the messages that are new and moves the window past the evicted ones, in one atomic step, planned against the
 * window the memory read just before (one read and one append per update, see {@link FrameworkMemory}); a list that
 * keeps nothing of the window (a summary replacing messages) is appended whole and marked with {@link #REWRITE}.
 * {@link #deleteMessages} empties the window and archives the conversation, keeping the history. System, user (text), AI (with tool execution requests) and tool result
 * messages are stored in agentstore's columns, ids and arguments included; other content round-trips through
 * LangChain4j's own JSON in the message metadata. Thread-safe; one memory id is not meant to be updated from two
 * threads at once (neither is any chat memory).
 */
public final class AgentstoreChatMemoryStore implements ChatMemoryStore {
    /** The metadata key marking the first message of a rewritten memory (nothing of the window kept). */
    public static final String REWRITE = "langchain4j.rewrite";

    private static final MemoryCodec<ChatMessage> CODEC =
            MemoryCodec.of(ChatMessages::fromStored, ChatMessages::toNew, message -> message instanceof SystemMessage);

    private final FrameworkMemory<ChatMessage> memory;

    private AgentstoreChatMemoryStore(Builder builder) {
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
    public List<ChatMessage> getMessages(Object memoryId) {
        return memory.read(id(memoryId));
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        memory.write(id(memoryId), messages);
    }

    @Override
    public void deleteMessages(Object memoryId) {
        memory.delete(id(memoryId));
    }

    private static String id(Object memoryId) {
        return Objects.requireNonNull(memoryId, "memoryId").toString();
    }

    /** Settings of an {@link AgentstoreChatMemoryStore}. */
    public static final class Builder {
        private final ConversationRepository conversations;
        private NewUser owner = NewUser.of("langchain4j", "chat-memory");
        private String keyPrefix = "langchain4j:";

        private Builder(ConversationRepository conversations) {
            this.conversations = conversations;
        }

        /** The user the memories' conversations belong to (default: channel {@code langchain4j}, id {@code chat-memory}). */
        public Builder owner(NewUser user) {
            this.owner = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * What precedes a memory id in its conversation's external key (default {@code langchain4j:}), so memories
         * of several applications sharing a tenant stay apart.
         */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The store. */
        public AgentstoreChatMemoryStore build() {
            return new AgentstoreChatMemoryStore(this);
        }
    }
}

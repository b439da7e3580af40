package dev.agentstore.langchain4j;

import dev.agentstore.NotFoundException;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.langchain4j.internal.ChatMessages;
import dev.agentstore.langchain4j.internal.MemoryUpdate;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
 * the messages that are new and moves the window past the evicted ones, in one atomic step; a list that keeps nothing
 * of the window (a summary replacing messages) is appended whole and marked as a rewrite. {@link #deleteMessages}
 * empties the window and keeps the history. System, user (text), AI (with tool execution requests) and tool result
 * messages are stored in agentstore's columns, ids and arguments included; other content round-trips through
 * LangChain4j's own JSON in the message metadata. Thread-safe; one memory id is not meant to be updated from two
 * threads at once (neither is any chat memory).
 */
public final class AgentstoreChatMemoryStore implements ChatMemoryStore {
    private final ConversationRepository conversations;
    private final NewUser owner;
    private final String keyPrefix;
    private final ConcurrentMap<String, UUID> conversationIds = new ConcurrentHashMap<>();
    private volatile UUID ownerId;

    private AgentstoreChatMemoryStore(Builder builder) {
        this.conversations = builder.conversations;
        this.owner = builder.owner;
        this.keyPrefix = builder.keyPrefix;
    }

    /** A builder over {@code conversations}, typically {@code store.forTenant(tenant).conversations()}. */
    public static Builder builder(ConversationRepository conversations) {
        return new Builder(Objects.requireNonNull(conversations, "conversations"));
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return existing(key(memoryId))
                .map(id -> conversations.memory(id).stream()
                        .map(ChatMessages::fromStored)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        String key = key(memoryId);
        try {
            update(conversationOf(key), messages);
        } catch (NotFoundException e) {
            conversationIds.remove(key); // deleted behind this store's back: find or create it again, once
            update(conversationOf(key), messages);
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        existing(key(memoryId)).ifPresent(id -> update(id, List.of()));
    }

    /**
     * Reads the window (and, only when it is empty, where it starts: an empty window lies just past the last
     * message, since a window starting earlier would hold it), then appends and moves it in one step.
     */
    private void update(UUID conversationId, List<ChatMessage> messages) {
        List<Message> stored = conversations.memory(conversationId);
        long next = stored.isEmpty()
                ? conversations
                        .findConversation(conversationId)
                        .orElseThrow(() -> new NotFoundException("no conversation with id " + conversationId))
                        .memoryWindow()
                        .start()
                : stored.getLast().sequence() + 1;
        List<ChatMessage> storedAsChat =
                stored.stream().map(ChatMessages::fromStored).toList();
        MemoryUpdate update = MemoryUpdate.of(next, stored, storedAsChat, messages);
        conversations.appendToMemory(conversationId, update.append(), update.window());
    }

    private String key(Object memoryId) {
        Objects.requireNonNull(memoryId, "memoryId");
        return keyPrefix + memoryId;
    }

    private Optional<UUID> existing(String key) {
        UUID known = conversationIds.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> found = conversations.findConversationByKey(key).map(Conversation::id);
        found.ifPresent(id -> conversationIds.put(key, id));
        return found;
    }

    private UUID conversationOf(String key) {
        return conversationIds.computeIfAbsent(
                key,
                k -> conversations
                        .findOrCreateConversation(
                                NewConversation.forUser(ownerId()).withKey(k))
                        .id());
    }

    private UUID ownerId() {
        UUID id = ownerId;
        if (id == null) {
            id = conversations.upsertUser(owner).id();
            ownerId = id;
        }
        return id;
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

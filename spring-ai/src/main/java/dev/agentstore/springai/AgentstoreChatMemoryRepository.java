package dev.agentstore.springai;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.conversation.Conversation;
import dev.agentstore.conversation.ConversationRepository;
import dev.agentstore.conversation.ConversationStatus;
import dev.agentstore.conversation.ConversationUpdate;
import dev.agentstore.conversation.MemoryPlan;
import dev.agentstore.conversation.NewConversation;
import dev.agentstore.conversation.NewMessage;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.springai.internal.SpringMessages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;

/**
 * Spring AI's {@link ChatMemoryRepository} over agentstore's conversations, for {@code MessageWindowChatMemory} and
 * the chat-memory advisors: tool calls are kept (with their ids and arguments), and {@link #saveAll} appends only the
 * new messages and moves the conversation's memory window past the evicted ones in one atomic step, instead of
 * rewriting the conversation; the full history stays in agentstore's append-only log.
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
 * conversation, keeping its history; saving to it again makes it active. Thread-safe; one conversation id is not meant to be saved from two threads at once.
 */
public final class AgentstoreChatMemoryRepository implements ChatMemoryRepository {
    /** The metadata key marking the first message of a rewritten memory (nothing of the window kept). */
    public static final String REWRITE = "spring-ai.rewrite";

    private final ConversationRepository conversations;
    private final NewUser owner;
    private final String keyPrefix;
    private final ConcurrentMap<String, UUID> conversationIds = new ConcurrentHashMap<>();
    private volatile UUID ownerId;

    private AgentstoreChatMemoryRepository(Builder builder) {
        this.conversations = builder.conversations;
        this.owner = builder.owner;
        this.keyPrefix = builder.keyPrefix;
    }

    /** A builder over {@code conversations}, typically {@code store.forTenant(tenant).conversations()}. */
    public static Builder builder(ConversationRepository conversations) {
        return new Builder(Objects.requireNonNull(conversations, "conversations"));
    }

    @Override
    public List<String> findConversationIds() {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(1_000);
        while (request != null) {
            Page<Conversation> page = conversations.listConversations(ownerId(), ConversationStatus.ACTIVE, request);
            page.items().stream()
                    .map(Conversation::externalKey)
                    .filter(key -> key != null && key.startsWith(keyPrefix))
                    .map(key -> key.substring(keyPrefix.length()))
                    .forEach(ids::add);
            request =
                    page.next().map(cursor -> PageRequest.after(cursor, 1_000)).orElse(null);
        }
        return ids;
    }

    @Override
    public List<Message> findByConversationId(String conversationId) {
        return existing(key(conversationId))
                .map(id -> conversations.memory(id).stream()
                        .map(SpringMessages::fromStored)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void saveAll(String conversationId, List<Message> messages) {
        Objects.requireNonNull(messages, "messages");
        String key = key(conversationId);
        try {
            save(conversationOf(key), messages);
        } catch (NotFoundException e) {
            conversationIds.remove(key); // deleted behind this repository's back: find or create it again, once
            save(conversationOf(key), messages);
        }
    }

    /** Empties the memory and archives the conversation (it leaves {@link #findConversationIds}); the history stays. */
    @Override
    public void deleteByConversationId(String conversationId) {
        existing(key(conversationId)).ifPresent(id -> {
            save(id, List.of());
            Conversation c = conversations.findConversation(id).orElseThrow();
            conversations.updateConversation(
                    id, ConversationUpdate.expecting(c.version()).status(ConversationStatus.ARCHIVED));
        });
    }

    /**
     * Reads the window (and, only when it is empty, the conversation: where the window starts, and whether it was
     * archived by a delete, which a save undoes), then appends and moves the window in one step.
     */
    private void save(UUID conversationId, List<Message> messages) {
        List<dev.agentstore.conversation.Message> stored = conversations.memory(conversationId);
        long next;
        if (stored.isEmpty()) {
            Conversation c = conversations
                    .findConversation(conversationId)
                    .orElseThrow(() -> new NotFoundException("no conversation with id " + conversationId));
            next = c.memoryWindow().start();
            if (c.status() == ConversationStatus.ARCHIVED && !messages.isEmpty()) {
                conversations.updateConversation(
                        conversationId,
                        ConversationUpdate.expecting(c.version()).status(ConversationStatus.ACTIVE));
            }
        } else {
            next = stored.getLast().sequence() + 1;
        }
        List<Message> storedAsSpring =
                stored.stream().map(SpringMessages::fromStored).toList();
        MemoryPlan<Message> plan =
                MemoryPlan.of(next, stored, storedAsSpring, messages, message -> message instanceof SystemMessage);
        List<NewMessage> appended = new ArrayList<>(plan.append().size());
        for (Message message : plan.append()) {
            NewMessage converted = SpringMessages.toNew(message);
            if (plan.rewrite() && appended.isEmpty()) {
                Map<String, Object> metadata = new HashMap<>(converted.metadata());
                metadata.put(REWRITE, true);
                converted = converted.withMetadata(metadata);
            }
            appended.add(converted);
        }
        conversations.appendToMemory(conversationId, appended, plan.window());
    }

    private String key(String conversationId) {
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId cannot be null or empty");
        }
        return keyPrefix + conversationId;
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

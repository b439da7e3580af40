package dev.agentstore.conversation;

import dev.agentstore.NotFoundException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An agent framework's chat memories kept in agentstore conversations: the engine under the LangChain4j and Spring AI
 * adapters, and under an adapter for any other framework with a "read the memory, write the whole new list" store
 * interface.
 *
 * <p>A memory id maps to the conversation whose external key is the key prefix followed by the id, owned by one user
 * and created on first write, so no lookup table is needed beside the conversations. {@link #read} returns the
 * conversation's memory window; {@link #write} turns it into the framework's new list by appending only the messages
 * that are new and moving the window past the evicted ones, in one atomic step ({@link MemoryPlan}); the evicted
 * messages stay in the append-only history. A list that keeps nothing of the window (a summary replacing messages) is
 * appended whole, its first message marked with the rewrite metadata key.
 *
 * <p>Frameworks write right after they read (they evict from the list they just read and write the result), so a
 * write on the thread that read the same memory less than a second before plans against that read instead of reading
 * again: an update costs one read and one append, as it would by hand. Like any chat memory, one memory id is not
 * meant to be written from two places at once. Thread-safe.
 *
 * @param <T> the framework's message type
 */
public final class FrameworkMemory<T> {
    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final int PAGE = 1_000;
    /** Memory ids whose conversations are remembered; past this many the memory starts remembering afresh. */
    private static final int REMEMBERED = 100_000;

    private final ConversationRepository conversations;
    private final MemoryCodec<T> codec;
    private final NewUser owner;
    private final String keyPrefix;
    private final String rewriteKey;
    private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();
    private final ThreadLocal<LastRead<T>> lastRead = new ThreadLocal<>();
    private volatile UUID ownerId;

    private FrameworkMemory(Builder<T> builder) {
        this.conversations = builder.conversations;
        this.codec = builder.codec;
        this.owner = builder.owner;
        this.keyPrefix = builder.keyPrefix;
        this.rewriteKey = builder.rewriteKey;
    }

    /**
     * A builder over {@code conversations} (typically {@code store.forTenant(tenant).conversations()}), converting
     * with {@code codec}.
     */
    public static <T> Builder<T> builder(ConversationRepository conversations, MemoryCodec<T> codec) {
        return new Builder<>(
                Objects.requireNonNull(conversations, "conversations"), Objects.requireNonNull(codec, "codec"));
    }

    /** The memory's messages, oldest first: its conversation's memory window; empty for a memory never written. */
    public List<T> read(String memoryId) {
        String key = key(memoryId);
        lastRead.remove();
        Optional<Known> conversation = existing(key);
        if (conversation.isEmpty()) {
            return List.of();
        }
        long writes = conversation.get().writes().get();
        List<Message> stored;
        try {
            stored = conversations.memory(conversation.get().id());
        } catch (NotFoundException e) {
            known.remove(key); // deleted behind this memory's back
            return List.of();
        }
        List<T> messages = stored.stream().map(codec::fromStored).toList();
        lastRead.set(new LastRead<>(conversation.get(), writes, stored, messages, System.nanoTime()));
        return messages;
    }

    /**
     * Makes {@code messages} the memory's messages: appends those that are new and moves the window, creating the
     * conversation on the first write and making an archived one ({@link #delete}) active again.
     */
    public void write(String memoryId, List<T> messages) {
        Objects.requireNonNull(messages, "messages");
        String key = key(memoryId);
        try {
            write(conversationOf(key), messages);
        } catch (NotFoundException e) {
            known.remove(key); // deleted behind this memory's back: find or create it again, once
            write(conversationOf(key), messages);
        }
    }

    /** Empties the memory and archives its conversation, keeping its history; nothing for a memory never written. */
    public void delete(String memoryId) {
        existing(key(memoryId)).ifPresent(remembered -> {
            write(remembered, List.of());
            UUID id = remembered.id();
            Conversation conversation = conversations.findConversation(id).orElseThrow();
            if (conversation.status() != ConversationStatus.ARCHIVED) {
                conversations.updateConversation(
                        id, ConversationUpdate.expecting(conversation.version()).status(ConversationStatus.ARCHIVED));
            }
        });
    }

    /** The ids of the memories written and not deleted, newest conversation first. */
    public List<String> memoryIds() {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (request != null) {
            Page<Conversation> page = conversations.listConversations(ownerId(), ConversationStatus.ACTIVE, request);
            for (Conversation conversation : page.items()) {
                String key = conversation.externalKey();
                if (key != null && key.startsWith(keyPrefix)) {
                    ids.add(key.substring(keyPrefix.length()));
                }
            }
            request = page.next().map(cursor -> PageRequest.after(cursor, PAGE)).orElse(null);
        }
        return ids;
    }

    /**
     * Plans against this thread's read of the same conversation if it is fresh (under a second old, and nothing
     * written through this memory since), or reads; reads the conversation itself only when the window is empty (an
     * empty window lies just past the last message, and an archived conversation is made active again), then appends
     * and moves the window in one step.
     */
    private void write(Known target, List<T> wanted) {
        try {
            write(target.id(), wanted, freshRead(target));
        } finally {
            target.writes().incrementAndGet();
        }
    }

    private LastRead<T> freshRead(Known target) {
        LastRead<T> last = lastRead.get();
        lastRead.remove();
        boolean fresh = last != null
                && last.conversation() == target
                && last.writes() == target.writes().get()
                && System.nanoTime() - last.at() < FRESH_NANOS;
        return fresh ? last : null;
    }

    private void write(UUID conversationId, List<T> wanted, LastRead<T> read) {
        List<Message> stored;
        List<T> storedAsFramework;
        if (read != null) {
            stored = read.stored();
            storedAsFramework = read.asFramework();
        } else {
            stored = conversations.memory(conversationId);
            storedAsFramework = stored.stream().map(codec::fromStored).toList();
        }
        long next;
        if (stored.isEmpty()) {
            Conversation conversation = conversations
                    .findConversation(conversationId)
                    .orElseThrow(() -> new NotFoundException("no conversation with id " + conversationId));
            next = conversation.memoryWindow().start();
            if (conversation.status() == ConversationStatus.ARCHIVED && !wanted.isEmpty()) {
                conversations.updateConversation(
                        conversationId,
                        ConversationUpdate.expecting(conversation.version()).status(ConversationStatus.ACTIVE));
            }
        } else {
            next = stored.getLast().sequence() + 1;
        }
        MemoryPlan<T> plan = MemoryPlan.of(next, stored, storedAsFramework, wanted, codec::isSystem);
        List<NewMessage> appended = new ArrayList<>(plan.append().size());
        for (T message : plan.append()) {
            NewMessage converted = codec.toNew(message);
            if (plan.rewrite() && appended.isEmpty()) {
                Map<String, Object> metadata = new HashMap<>(converted.metadata());
                metadata.put(rewriteKey, true);
                converted = converted.withMetadata(metadata);
            }
            appended.add(converted);
        }
        conversations.appendToMemory(conversationId, appended, plan.window());
    }

    private String key(String memoryId) {
        Objects.requireNonNull(memoryId, "memoryId");
        return keyPrefix + memoryId;
    }

    private Optional<Known> existing(String key) {
        Known remembered = known.get(key);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        return conversations.findConversationByKey(key).map(conversation -> remember(key, conversation.id()));
    }

    private Known conversationOf(String key) {
        Known remembered = known.get(key);
        if (remembered != null) {
            return remembered;
        }
        UUID id = conversations
                .findOrCreateConversation(NewConversation.forUser(ownerId()).withKey(key))
                .id();
        return remember(key, id);
    }

    private Known remember(String key, UUID id) {
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        Known fresh = new Known(id, new AtomicLong());
        Known previous = known.putIfAbsent(key, fresh);
        return previous != null && previous.id().equals(id) ? previous : fresh;
    }

    private UUID ownerId() {
        UUID id = ownerId;
        if (id == null) {
            id = conversations.upsertUser(owner).id();
            ownerId = id;
        }
        return id;
    }

    /** A memory's conversation, and how many writes went through this memory to it. */
    private record Known(UUID id, AtomicLong writes) {}

    /** What this thread last read: the window as stored and as the framework's messages, and when. */
    private record LastRead<T>(Known conversation, long writes, List<Message> stored, List<T> asFramework, long at) {}

    /**
     * Settings of a {@link FrameworkMemory}.
     *
     * @param <T> the framework's message type
     */
    public static final class Builder<T> {
        private final ConversationRepository conversations;
        private final MemoryCodec<T> codec;
        private NewUser owner = NewUser.of("framework", "chat-memory");
        private String keyPrefix = "memory:";
        private String rewriteKey = "memory.rewrite";

        private Builder(ConversationRepository conversations, MemoryCodec<T> codec) {
            this.conversations = conversations;
            this.codec = codec;
        }

        /** The user the memories' conversations belong to (default: channel {@code framework}, id {@code chat-memory}). */
        public Builder<T> owner(NewUser user) {
            this.owner = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * What precedes a memory id in its conversation's external key (default {@code memory:}), so memories of
         * several frameworks or applications sharing a tenant stay apart.
         */
        public Builder<T> keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The metadata key marking the first message of a rewritten memory (default {@code memory.rewrite}). */
        public Builder<T> rewriteKey(String key) {
            this.rewriteKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The memory. */
        public FrameworkMemory<T> build() {
            return new FrameworkMemory<>(this);
        }
    }
}

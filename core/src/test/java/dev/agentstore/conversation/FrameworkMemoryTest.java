package dev.agentstore.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine under the framework adapters, over plain strings as the framework's messages ("sys..." being system
 * messages): round trips per update, archiving on delete, and a conversation deleted behind the memory's back.
 */
class FrameworkMemoryTest {
    private static final MemoryCodec<String> STRINGS = MemoryCodec.of(
            Message::content,
            text -> text.startsWith("sys") ? NewMessage.system(text, 1) : NewMessage.user(text, 1),
            text -> text.startsWith("sys"));

    private final AgentStore store = AgentStore.inMemory();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ConversationRepository counted = counting(store.conversations());
    private final FrameworkMemory<String> memory =
            FrameworkMemory.builder(counted, STRINGS).keyPrefix("test:").build();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void should_write_after_a_read_with_one_append_and_no_second_read() {
        memory.write("m", List.of("sys", "u1", "a1"));
        List<String> read = memory.read("m");
        calls.clear();

        List<String> next = new ArrayList<>(read.subList(2, read.size()));
        next.addFirst("sys");
        next.add("u2");
        memory.write("m", next);

        assertThat(calls).containsOnlyKeys("appendToMemory");
        assertThat(memory.read("m")).containsExactly("sys", "a1", "u2");
    }

    @Test
    void should_read_again_when_the_last_read_was_of_another_memory_or_on_another_thread() throws Exception {
        memory.write("m", List.of("u1"));
        memory.write("other", List.of("x1"));

        memory.read("other");
        calls.clear();
        memory.write("m", List.of("u1", "a1"));
        assertThat(calls.get("memory")).hasValue(1);

        memory.read("m");
        Thread writer = Thread.ofVirtual().start(() -> memory.write("m", List.of("u1", "a1", "u2")));
        writer.join();
        calls.clear();
        memory.write("m", List.of("u1", "a1", "u2", "a2"));
        assertThat(calls.get("memory"))
                .as("the read is this thread's, but another one wrote since")
                .hasValue(1);
        assertThat(memory.read("m")).containsExactly("u1", "a1", "u2", "a2");
    }

    @Test
    void should_use_a_read_once() {
        memory.write("m", List.of("u1"));
        memory.read("m");
        memory.write("m", List.of("u1", "a1"));
        calls.clear();

        memory.write("m", List.of("u1", "a1", "u2"));

        assertThat(calls.get("memory")).hasValue(1);
        assertThat(memory.read("m")).containsExactly("u1", "a1", "u2");
    }

    @Test
    void should_archive_on_delete_and_make_active_again_on_the_next_write() {
        memory.write("a", List.of("u1"));
        memory.write("b", List.of("u1"));

        memory.delete("b");

        assertThat(memory.memoryIds()).containsExactly("a");
        assertThat(memory.read("b")).isEmpty();
        Conversation b = store.conversations().findConversationByKey("test:b").orElseThrow();
        assertThat(b.status()).isEqualTo(ConversationStatus.ARCHIVED);
        assertThat(store.conversations().lastMessages(b.id(), 10))
                .extracting(Message::content)
                .containsExactly("u1");

        memory.write("b", List.of("u2"));

        assertThat(memory.memoryIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(memory.read("b")).containsExactly("u2");
    }

    @Test
    void should_start_afresh_when_the_conversation_was_deleted_behind_its_back() {
        memory.write("m", List.of("u1"));
        memory.read("m");
        Conversation old = store.conversations().findConversationByKey("test:m").orElseThrow();
        store.conversations().deleteConversation(old.id());

        assertThat(memory.read("m")).isEmpty();
        memory.write("m", List.of("u2"));

        assertThat(memory.read("m")).containsExactly("u2");
        assertThat(store.conversations()
                        .findConversationByKey("test:m")
                        .orElseThrow()
                        .id())
                .isNotEqualTo(old.id());
    }

    @Test
    void should_keep_memories_of_other_prefixes_apart() {
        FrameworkMemory<String> other = FrameworkMemory.builder(store.conversations(), STRINGS)
                .keyPrefix("other:")
                .build();
        memory.write("m", List.of("mine"));
        other.write("m", List.of("theirs"));

        assertThat(memory.read("m")).containsExactly("mine");
        assertThat(other.read("m")).containsExactly("theirs");
        assertThat(memory.memoryIds()).containsExactly("m");
    }

    /** The repository, counting the calls of each method by name. */
    private ConversationRepository counting(ConversationRepository target) {
        return (ConversationRepository) Proxy.newProxyInstance(
                ConversationRepository.class.getClassLoader(),
                new Class<?>[] {ConversationRepository.class},
                (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), name -> new AtomicInteger())
                            .incrementAndGet();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

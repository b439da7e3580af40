package dev.agentstore.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The update rule of chat memories, over plain strings as the framework's messages ("sys" is a system message). */
class MemoryPlanTest {

    @Test
    void should_append_everything_to_an_empty_window_where_it_starts() {
        MemoryPlan<String> plan = plan(1, List.of(), List.of("sys", "u1"));
        assertThat(plan.append()).containsExactly("sys", "u1");
        assertThat(plan.window()).isEqualTo(MemoryWindow.from(1));
        assertThat(plan.rewrite()).isFalse();
    }

    @Test
    void should_append_only_the_new_tail() {
        MemoryPlan<String> plan = plan(stored(1, "u1", "a1"), List.of("u1", "a1", "u2"));
        assertThat(plan.append()).containsExactly("u2");
        assertThat(plan.window()).isEqualTo(MemoryWindow.from(1));
    }

    @Test
    void should_evict_from_the_front_and_keep_the_system_message_pinned() {
        MemoryPlan<String> plan = plan(stored(1, "sys", "u1", "a1", "u2"), List.of("sys", "a1", "u2", "a2"));
        assertThat(plan.append()).containsExactly("a2");
        assertThat(plan.window()).isEqualTo(new MemoryWindow(3, 1));
        MemoryPlan<String> all = plan(stored(1, "sys", "u1"), List.of("sys", "u9"));
        assertThat(all.append()).containsExactly("u9");
        assertThat(all.window())
                .as("the system message alone: the window restarts after it")
                .isEqualTo(new MemoryWindow(3, 1));
    }

    @Test
    void should_keep_an_already_pinned_message_and_drop_it_when_the_list_does() {
        List<Message> pinned = List.of(message(1, "p"), message(5, "u5"), message(6, "a5"));
        MemoryPlan<String> kept =
                MemoryPlan.of(7, pinned, List.of("p", "u5", "a5"), List.of("p", "a5", "u6"), "sys"::equals);
        assertThat(kept.append()).containsExactly("u6");
        assertThat(kept.window()).isEqualTo(new MemoryWindow(6, 1));
        MemoryPlan<String> dropped =
                MemoryPlan.of(7, pinned, List.of("p", "u5", "a5"), List.of("u5", "a5", "u6"), "sys"::equals);
        assertThat(dropped.window()).isEqualTo(MemoryWindow.from(5));
        assertThat(dropped.append()).containsExactly("u6");
    }

    @Test
    void should_call_a_list_that_keeps_nothing_a_rewrite_and_append_it_all() {
        MemoryPlan<String> plan = plan(stored(1, "u1", "a1"), List.of("summary", "u2"));
        assertThat(plan.rewrite()).isTrue();
        assertThat(plan.append()).containsExactly("summary", "u2");
        assertThat(plan.window()).isEqualTo(MemoryWindow.from(3));
        MemoryPlan<String> cleared = plan(stored(1, "u1"), List.of());
        assertThat(cleared.append()).isEmpty();
        assertThat(cleared.window()).isEqualTo(MemoryWindow.from(2));
    }

    private static MemoryPlan<String> plan(List<Message> stored, List<String> wanted) {
        long next = stored.getLast().sequence() + 1;
        return MemoryPlan.of(next, stored, stored.stream().map(Message::content).toList(), wanted, "sys"::equals);
    }

    private static MemoryPlan<String> plan(long next, List<Message> stored, List<String> wanted) {
        return MemoryPlan.of(next, stored, List.of(), wanted, "sys"::equals);
    }

    private static List<Message> stored(long first, String... contents) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            messages.add(message(first + i, contents[i]));
        }
        return messages;
    }

    private static Message message(long sequence, String content) {
        return new Message(
                UUID.randomUUID(),
                UUID.randomUUID(),
                sequence,
                MessageRole.USER,
                content,
                List.of(),
                null,
                null,
                null,
                null,
                1,
                Map.of(),
                Instant.EPOCH,
                0,
                null);
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.conversation.Message;
import dev.agentstore.conversation.MessageRole;
import dev.agentstore.spi.CacheLookup;
import dev.agentstore.spi.RecentMessagesCache;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link RecentMessagesCache} SPI: hits and misses, epochs that refuse stale fills, write-through with gap
 * detection, trimming, and tenant separation. A backend's test opens its cache for a tenant with capacity 5.
 */
public abstract class RecentMessagesCacheContract {
    /** The capacity {@link #openCache} must configure. */
    protected static final int CAPACITY = 5;

    private RecentMessagesCache cache;
    private UUID conversation;

    /** The backend's cache for {@code tenant}, empty for a tenant never used before, with capacity {@link #CAPACITY}. */
    protected abstract RecentMessagesCache openCache(String tenant);

    @BeforeEach
    void openCacheForFreshTenant() {
        cache = openCache("t-" + UUID.randomUUID());
        conversation = UUID.randomUUID();
    }

    @Test
    void should_miss_when_empty_and_report_the_capacity() {
        assertThat(cache.capacity()).isEqualTo(CAPACITY);
        assertThat(cache.newest(conversation, 1).hit()).isEmpty();
    }

    @Test
    void should_hit_after_a_fill_for_as_many_messages_as_it_holds() {
        CacheLookup miss = cache.newest(conversation, 3);
        assertThat(cache.fill(conversation, messages(6, 10), false, miss.epoch()))
                .isTrue();

        assertThat(sequences(cache.newest(conversation, 3))).containsExactly(8L, 9L, 10L);
        assertThat(sequences(cache.newest(conversation, 5))).containsExactly(6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void should_answer_any_count_from_a_whole_conversation_and_only_then() {
        cache.fill(
                conversation,
                messages(1, 2),
                true,
                cache.newest(conversation, 1).epoch());
        UUID partial = UUID.randomUUID();
        cache.fill(partial, messages(7, 8), false, cache.newest(partial, 1).epoch());

        assertThat(sequences(cache.newest(conversation, 5))).containsExactly(1L, 2L);
        assertThat(cache.newest(partial, 3).hit()).isEmpty();
    }

    @Test
    void should_refuse_a_fill_when_an_append_came_in_after_the_miss() {
        CacheLookup miss = cache.newest(conversation, 2);
        cache.appended(conversation, messages(4, 4));

        assertThat(cache.fill(conversation, messages(1, 3), true, miss.epoch())).isFalse();
        assertThat(cache.newest(conversation, 2).hit()).isEmpty();
    }

    @Test
    void should_refuse_a_fill_when_an_invalidation_came_in_after_the_miss() {
        CacheLookup miss = cache.newest(conversation, 2);
        cache.invalidate(conversation);

        assertThat(cache.fill(conversation, messages(1, 3), true, miss.epoch())).isFalse();
    }

    @Test
    void should_write_appends_through_and_trim_to_capacity() {
        cache.fill(
                conversation,
                messages(1, 3),
                true,
                cache.newest(conversation, 1).epoch());

        cache.appended(conversation, messages(4, 5));
        assertThat(sequences(cache.newest(conversation, 5))).containsExactly(1L, 2L, 3L, 4L, 5L);

        cache.appended(conversation, messages(6, 7));
        assertThat(sequences(cache.newest(conversation, 5))).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void should_drop_an_entry_when_an_append_leaves_a_gap() {
        cache.fill(
                conversation,
                messages(1, 3),
                true,
                cache.newest(conversation, 1).epoch());

        cache.appended(conversation, messages(5, 5));

        assertThat(cache.newest(conversation, 1).hit()).isEmpty();
    }

    @Test
    void should_ignore_an_append_to_a_conversation_it_does_not_hold() {
        cache.appended(conversation, messages(1, 1));
        assertThat(cache.newest(conversation, 1).hit()).isEmpty();
    }

    @Test
    void should_drop_everything_and_refuse_older_fills_after_invalidate_all() {
        UUID other = UUID.randomUUID();
        cache.fill(
                conversation,
                messages(1, 2),
                true,
                cache.newest(conversation, 1).epoch());
        CacheLookup missBefore = cache.newest(other, 1);

        cache.invalidateAll();

        assertThat(cache.newest(conversation, 1).hit()).isEmpty();
        assertThat(cache.fill(other, messages(1, 1), true, missBefore.epoch())).isFalse();
    }

    @Test
    void should_keep_tenants_apart() {
        cache.fill(
                conversation,
                messages(1, 2),
                true,
                cache.newest(conversation, 1).epoch());
        RecentMessagesCache otherTenant = openCache("t-" + UUID.randomUUID());

        assertThat(otherTenant.newest(conversation, 1).hit()).isEmpty();
        otherTenant.invalidateAll();
        assertThat(cache.newest(conversation, 1).hit()).isPresent();
    }

    private List<Message> messages(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(seq -> new Message(
                        UUID.randomUUID(),
                        conversation,
                        seq,
                        MessageRole.USER,
                        "message " + seq,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        3,
                        Map.of(),
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq),
                        0,
                        null))
                .toList();
    }

    private static List<Long> sequences(CacheLookup lookup) {
        assertThat(lookup.hit()).as("cache hit").isPresent();
        return lookup.hit().orElseThrow().stream().map(Message::sequence).toList();
    }
}

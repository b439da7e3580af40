package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.cache.CacheKey;
import dev.agentstore.cache.CachedResponse;
import dev.agentstore.cache.ResponseCache;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response cache. */
public abstract class ResponseCacheContract extends StoreContract {
    private static final CacheKey KEY = CacheKey.of("m", Map.of("temperature", 0.2, "max_tokens", 100), "Hi");

    private ResponseCache cache() {
        return store.responseCache();
    }

    @Test
    void should_derive_the_same_key_whatever_the_parameter_order() {
        CacheKey reordered =
                CacheKey.of("m", new java.util.TreeMap<>(Map.of("max_tokens", 100, "temperature", 0.2)), "Hi");
        assertThat(reordered).isEqualTo(KEY);
        assertThat(CacheKey.of("m", Map.of("temperature", 0.3, "max_tokens", 100), "Hi"))
                .isNotEqualTo(KEY);
        assertThat(CacheKey.of("m2", Map.of("temperature", 0.2, "max_tokens", 100), "Hi"))
                .isNotEqualTo(KEY);
    }

    @Test
    void should_miss_when_empty() {
        assertThat(cache().get(KEY)).isEmpty();
        assertThat(cache().stats().entries()).isZero();
    }

    @Test
    void should_count_hits_atomically() throws Exception {
        cache().put(KEY, "Hello!", Duration.ofMinutes(5), Map.of("tokens", 3));
        assertThat(cache().get(KEY).orElseThrow().hitCount()).isEqualTo(1);
        Concurrently.run(8, i -> cache().get(KEY));
        CachedResponse entry = cache().get(KEY).orElseThrow();
        assertThat(entry.hitCount()).isEqualTo(10);
        assertThat(entry.response()).isEqualTo("Hello!");
        assertThat(entry.metadata()).containsEntry("tokens", 3L);
    }

    @Test
    void should_never_serve_an_expired_entry() {
        cache().put(KEY, "old", Duration.ofSeconds(10), Map.of());
        clock.advance(Duration.ofSeconds(10));
        assertThat(cache().get(KEY)).isEmpty();
        assertThat(cache().stats().entries()).isZero();
        assertThat(cache().purgeExpired()).isEqualTo(1);
    }

    @Test
    void should_replace_an_entry_and_reset_its_hits() {
        cache().put(KEY, "one", Duration.ofMinutes(1), Map.of());
        cache().get(KEY);
        cache().put(KEY, "two", Duration.ofMinutes(1), Map.of());
        CachedResponse entry = cache().get(KEY).orElseThrow();
        assertThat(entry.response()).isEqualTo("two");
        assertThat(entry.hitCount()).isEqualTo(1);
    }

    @Test
    void should_invalidate_one_key_or_a_whole_model() {
        CacheKey other = CacheKey.of("m", Map.of(), "Bye");
        CacheKey otherModel = CacheKey.of("n", Map.of(), "Hi");
        cache().put(KEY, "a", Duration.ofMinutes(1), Map.of());
        cache().put(other, "b", Duration.ofMinutes(1), Map.of());
        cache().put(otherModel, "c", Duration.ofMinutes(1), Map.of());
        assertThat(cache().invalidate(KEY)).isTrue();
        assertThat(cache().invalidate(KEY)).isFalse();
        assertThat(cache().invalidateModel("m")).isEqualTo(1);
        assertThat(cache().get(otherModel)).isPresent();
        assertThat(cache().stats()).isEqualTo(new dev.agentstore.cache.CacheStats(1, 1));
    }
}

package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.VectorRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes one call may carry and the window of supplied times come from the configuration, checked at open. */
class WriteLimitsTest {

    @Test
    void should_refuse_an_upsert_over_the_chunk_bytes_per_call_and_store_nothing() {
        StoreConfig config =
                StoreConfig.builder().set("limits.chunk-bytes-per-call", "2KB").build();
        try (AgentStore store = AgentStore.open(config)) {
            VectorRepository vectors = store.vectors();
            vectors.createCollection(CollectionSpec.of("kb", 4));
            Chunk big =
                    Chunk.of("a", "y".repeat(1_000), new float[] {1, 0, 0, 0}).withMetadata(Map.of("k", "v"));
            Chunk alsoBig = Chunk.of("b", "z".repeat(1_100), new float[] {0, 1, 0, 0});
            assertThatThrownBy(() -> vectors.upsert("kb", List.of(big, alsoBig)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("chunks")
                    .hasMessageContaining("at most 2048 bytes")
                    .hasMessageContaining("limits.chunk-bytes-per-call");
            assertThat(vectors.count("kb")).isZero();
            vectors.upsert("kb", List.of(big));
            assertThat(vectors.count("kb")).isEqualTo(1);
        }
    }

    @Test
    void should_refuse_invalid_limits_and_windows_naming_the_key() {
        for (String[] bad : List.of(
                new String[] {"time-window.past", "P0D"},
                new String[] {"time-window.future", "tomorrow"},
                new String[] {"limits.message-bytes-per-call", "0"},
                new String[] {"limits.chunk-bytes-per-call", "12XB"})) {
            assertThatThrownBy(() -> AgentStore.open(
                            StoreConfig.builder().set(bad[0], bad[1]).build()))
                    .as(bad[0])
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(bad[0]);
        }
    }
}

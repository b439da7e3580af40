package dev.agentstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentstore.spi.ReciprocalRankFusion;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.SearchMatch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
    @Test
    void should_score_each_chunk_by_the_sum_of_its_reciprocal_ranks() {
        List<SearchMatch> vector = ranking("a", "b", "c");
        List<SearchMatch> text = ranking("c", "a");

        List<SearchMatch> fused = ReciprocalRankFusion.fuse(List.of(vector, text), 60, 10);

        assertThat(fused).extracting(m -> m.chunk().id()).containsExactly("a", "c", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    }

    @Test
    void should_break_ties_by_id_and_cut_at_top_k() {
        List<SearchMatch> fused = ReciprocalRankFusion.fuse(List.of(ranking("y", "x"), ranking("x", "y")), 1, 1);
        assertThat(fused).extracting(m -> m.chunk().id()).containsExactly("x");
    }

    @Test
    void should_return_nothing_for_empty_rankings() {
        assertThat(ReciprocalRankFusion.fuse(List.of(List.of(), List.of()), 60, 5))
                .isEmpty();
    }

    private static List<SearchMatch> ranking(String... ids) {
        return Arrays.stream(ids)
                .map(id -> new SearchMatch(Chunk.of(id, "text " + id, new float[] {1f}), 0.5))
                .toList();
    }
}

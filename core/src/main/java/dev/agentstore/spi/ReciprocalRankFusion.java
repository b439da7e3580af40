package dev.agentstore.spi;

import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.SearchMatch;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fuses rankings: each chunk scores the sum of 1 / (k + rank) over the rankings it appears in (ranks from 1). */
public final class ReciprocalRankFusion {
    private ReciprocalRankFusion() {}

    public static List<SearchMatch> fuse(List<List<SearchMatch>> rankings, int k, int topK) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Chunk> chunks = new LinkedHashMap<>();
        for (List<SearchMatch> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                Chunk chunk = ranking.get(i).chunk();
                chunks.putIfAbsent(chunk.id(), chunk);
                scores.merge(chunk.id(), 1.0 / (k + i + 1), Double::sum);
            }
        }
        return scores.entrySet().stream()
                .map(e -> new SearchMatch(chunks.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingDouble(SearchMatch::score)
                        .reversed()
                        .thenComparing(m -> m.chunk().id()))
                .limit(topK)
                .toList();
    }
}

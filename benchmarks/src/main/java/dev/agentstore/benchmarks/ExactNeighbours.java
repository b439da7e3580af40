package dev.agentstore.benchmarks;

import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntPredicate;

/** The exact answer recall is measured against: a full scan by cosine similarity of unit-length vectors. */
final class ExactNeighbours {
    private ExactNeighbours() {}

    /** The positions of the {@code k} vectors with the largest dot product with {@code query}, among those included. */
    static Set<Integer> top(List<float[]> vectors, float[] query, int k, IntPredicate included) {
        PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < vectors.size(); i++) {
            if (!included.test(i)) {
                continue;
            }
            float[] v = vectors.get(i);
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * query[d];
            }
            if (best.size() < k) {
                best.add(new double[] {dot, i});
            } else if (dot > best.peek()[0]) {
                best.poll();
                best.add(new double[] {dot, i});
            }
        }
        Set<Integer> positions = new HashSet<>();
        best.forEach(entry -> positions.add((int) entry[1]));
        return positions;
    }
}

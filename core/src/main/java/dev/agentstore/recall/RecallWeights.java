package dev.agentstore.recall;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * How recall fuses its three rankings (reciprocal rank fusion): a message scores the sum, over the rankings it is
 * among the candidates of, of {@code weight / (k + rank)}, ranks counted from 1.
 *
 * @param vector the weight of the ranking by cosine similarity to the query vector, 0 to 10
 * @param text the weight of the ranking by full-text relevance to the query text, 0 to 10
 * @param recency the weight of the ranking by time, newest first, among the other rankings' candidates, 0 to 10
 * @param k the rank offset, 1 to 1000: larger flattens the difference between the first ranks
 */
public record RecallWeights(double vector, double text, double recency, int k) {
    /** Equal vector and text weights, half as much for recency, and {@code k = 60}. */
    public static final RecallWeights DEFAULT = new RecallWeights(1.0, 1.0, 0.5, 60);

    /** Checks every component, and that some ranking counts. */
    public RecallWeights {
        Check.range("weights.vector", vector, 0, 10);
        Check.range("weights.text", text, 0, 10);
        Check.range("weights.recency", recency, 0, 10);
        Check.range("weights.k", k, 1, 1000);
        if (vector == 0 && text == 0) {
            throw new InvalidInputException("weights", "vector or text must weigh more than 0");
        }
    }

    /** The fused score of a message at these ranks (0 for a ranking it is not in). */
    public double score(int vectorRank, int textRank, int recencyRank) {
        return part(vector, vectorRank) + part(text, textRank) + part(recency, recencyRank);
    }

    private double part(double weight, int rank) {
        return rank <= 0 ? 0 : weight / (k + rank);
    }
}

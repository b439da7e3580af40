package dev.agentstore.vector;

/** How closeness between two vectors is measured. */
public enum DistanceMetric {
    /** Cosine similarity; the usual choice for text embeddings. */
    COSINE,
    /** Euclidean distance. */
    L2,
    /** Dot product; for normalised vectors, the same ranking as cosine. */
    INNER_PRODUCT;

    /** The score of {@code candidate} against {@code query}: higher is closer. */
    public double score(float[] query, float[] candidate) {
        double dot = 0;
        double qq = 0;
        double cc = 0;
        double l2 = 0;
        for (int i = 0; i < query.length; i++) {
            double q = query[i];
            double c = candidate[i];
            dot += q * c;
            qq += q * q;
            cc += c * c;
            l2 += (q - c) * (q - c);
        }
        return switch (this) {
            case COSINE -> qq == 0 || cc == 0 ? 0 : dot / Math.sqrt(qq * cc);
            case L2 -> 1 / (1 + Math.sqrt(l2));
            case INNER_PRODUCT -> dot;
        };
    }
}

package dev.agentstore.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Vectors shaped like text embeddings (issue 9's recipe): each is the normalised sum of a fixed random 384x24
 * Gaussian matrix times a 24-d standard-normal latent vector (scaled by 1/sqrt(24)) plus per-component Gaussian
 * noise of 0.1. Unlike isotropic noise, such data has neighbourhoods, so recall figures mean something.
 */
final class EmbeddingLikeData {
    static final int DIMENSION = 384;
    private static final int LATENT = 24;

    private final double[][] basis = new double[DIMENSION][LATENT];
    private final Random random;

    EmbeddingLikeData(long seed) {
        random = new Random(seed);
        for (double[] row : basis) {
            for (int j = 0; j < LATENT; j++) {
                row[j] = random.nextGaussian();
            }
        }
    }

    /** The next {@code count} vectors. */
    List<float[]> next(int count) {
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vectors.add(next());
        }
        return vectors;
    }

    /** The next vector, unit length. */
    float[] next() {
        double[] latent = new double[LATENT];
        for (int j = 0; j < LATENT; j++) {
            latent[j] = random.nextGaussian() / Math.sqrt(LATENT);
        }
        double[] v = new double[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            double x = 0.1 * random.nextGaussian();
            for (int j = 0; j < LATENT; j++) {
                x += basis[i][j] * latent[j];
            }
            v[i] = x;
            norm += x * x;
        }
        float[] unit = new float[DIMENSION];
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < DIMENSION; i++) {
            unit[i] = (float) (v[i] * scale);
        }
        return unit;
    }
}

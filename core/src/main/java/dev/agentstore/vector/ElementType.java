package dev.agentstore.vector;

/**
 * The precision at which a collection's vectors are indexed and searched. Stored vectors keep the precision
 * they came with; chunks read back hold exactly what was written.
 */
public enum ElementType {
    /** 32-bit floats; indexable up to {@value #MAX_INDEXED_VECTOR_DIMENSION} dimensions. */
    VECTOR,
    /**
     * 16-bit floats (IEEE 754 half precision): half the index size, indexable up to
     * {@value #MAX_INDEXED_HALFVEC_DIMENSION} dimensions, scores computed from vectors rounded to half precision.
     */
    HALFVEC;

    /** The most dimensions an index over 32-bit vectors can hold (pgvector's limit). */
    public static final int MAX_INDEXED_VECTOR_DIMENSION = 2_000;

    /** The most dimensions an index over half-precision vectors can hold (pgvector's limit). */
    public static final int MAX_INDEXED_HALFVEC_DIMENSION = 4_000;

    /** The element type a collection of {@code dimension} gets by default: the smallest that can be indexed. */
    public static ElementType forDimension(int dimension) {
        return dimension > MAX_INDEXED_VECTOR_DIMENSION ? HALFVEC : VECTOR;
    }

    /** The most dimensions an index over this element type can hold. */
    public int maxIndexedDimension() {
        return this == VECTOR ? MAX_INDEXED_VECTOR_DIMENSION : MAX_INDEXED_HALFVEC_DIMENSION;
    }

    /** {@code vector} as this element type sees it: unchanged, or each component rounded to half precision. */
    public float[] round(float[] vector) {
        if (this == VECTOR) {
            return vector;
        }
        float[] rounded = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            rounded[i] = Float.float16ToFloat(Float.floatToFloat16(vector[i]));
        }
        return rounded;
    }
}

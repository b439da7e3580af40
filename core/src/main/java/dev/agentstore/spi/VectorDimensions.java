package dev.agentstore.spi;

import dev.agentstore.internal.Check;
import dev.agentstore.vector.CollectionSpec;

/**
 * The rule every vector backend applies to a search's query vector: it must have its collection's dimension.
 * Backends check it themselves, against the collection they search, because only they know which collection a
 * name stands for at that moment (a cached lookup may be replaced by a fresher one during the call).
 */
public final class VectorDimensions {
    private VectorDimensions() {}

    /**
     * Checks {@code vector} against {@code collection}'s dimension.
     *
     * @throws dev.agentstore.InvalidInputException naming {@code field} when the dimensions differ
     */
    public static void check(String field, float[] vector, CollectionSpec collection) {
        Check.vector(field, vector, collection.dimension());
    }

    /** Whether {@code vector} has {@code collection}'s dimension. */
    public static boolean fits(float[] vector, CollectionSpec collection) {
        return vector.length == collection.dimension();
    }
}

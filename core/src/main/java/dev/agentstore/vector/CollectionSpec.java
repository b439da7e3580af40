package dev.agentstore.vector;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.internal.Check;

/**
 * A vector collection: every chunk in it has a vector of {@link #dimension()}.
 *
 * @param name unique per tenant; letters, digits, {@code _} and {@code -}
 * @param dimension vector length, 1 to {@link Limits#MAX_DIMENSION}
 * @param metric how closeness is scored
 * @param index the index to build
 * @param elementType the precision the index and scores use; an indexed collection's dimension must fit it
 * @param embeddingModel the model that makes the embeddings, or null
 */
public record CollectionSpec(
        String name,
        int dimension,
        DistanceMetric metric,
        IndexSettings index,
        ElementType elementType,
        String embeddingModel) {
    /** Checks every component. */
    public CollectionSpec {
        Check.name("collection.name", name);
        if (!name.matches("[A-Za-z0-9_-]{1,63}")) {
            throw new InvalidInputException(
                    "collection.name", "must be 1 to 63 letters, digits, '_' or '-', but was '" + name + "'");
        }
        Check.range("collection.dimension", dimension, 1, Limits.MAX_DIMENSION);
        Check.present("collection.metric", metric);
        Check.present("collection.index", index);
        Check.present("collection.elementType", elementType);
        if (index.type() != IndexType.NONE && dimension > elementType.maxIndexedDimension()) {
            throw new InvalidInputException(
                    "collection.dimension",
                    "an indexed " + elementType + " collection holds at most " + elementType.maxIndexedDimension()
                            + " dimensions, but was " + dimension
                            + (elementType == ElementType.VECTOR ? " (use ElementType.HALFVEC)" : ""));
        }
        Check.optionalName("collection.embeddingModel", embeddingModel);
    }

    /**
     * A cosine collection with an HNSW index and pgvector's default parameters, at 32-bit precision up to 2,000
     * dimensions and at half precision above.
     */
    public static CollectionSpec of(String name, int dimension) {
        return new CollectionSpec(
                name,
                dimension,
                DistanceMetric.COSINE,
                IndexSettings.hnsw(),
                ElementType.forDimension(dimension),
                null);
    }

    /** This collection scored by another metric. */
    public CollectionSpec withMetric(DistanceMetric value) {
        return new CollectionSpec(name, dimension, value, index, elementType, embeddingModel);
    }

    /** This collection with another index. */
    public CollectionSpec withIndex(IndexSettings value) {
        return new CollectionSpec(name, dimension, metric, value, elementType, embeddingModel);
    }

    /** This collection indexed and searched at another precision. */
    public CollectionSpec withElementType(ElementType value) {
        return new CollectionSpec(name, dimension, metric, index, value, embeddingModel);
    }

    /** This collection noting its embedding model. */
    public CollectionSpec withEmbeddingModel(String value) {
        return new CollectionSpec(name, dimension, metric, index, elementType, value);
    }
}

package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.vector.CollectionSpec;
import dev.agentstore.vector.DistanceMetric;
import dev.agentstore.vector.ElementType;
import org.jooq.Field;
import org.jooq.Keyword;
import org.jooq.impl.DSL;

/**
 * The pgvector SQL of a collection's metric and element type: the indexed expression {@code
 * (embedding::vector(384))}, the distance operator, the operator class, and the score a distance maps to. Every
 * piece comes from enums and integers, never from user text.
 */
final class Distances {
    private final CollectionSpec spec;

    Distances(CollectionSpec spec) {
        this.spec = spec;
    }

    /** {@code vector} or {@code halfvec}. */
    Keyword type() {
        return DSL.keyword(spec.elementType() == ElementType.HALFVEC ? "halfvec" : "vector");
    }

    /**
     * The stored embedding cast to the collection's type and dimension: what the index is built on. The column
     * is unqualified, as an index expression must be.
     */
    Field<Object> indexed() {
        return DSL.field(
                "({0}::{1}({2}))",
                Object.class, DSL.field(DSL.name(VECTOR_CHUNKS.EMBEDDING.getName())), type(), DSL.inline(dimension()));
    }

    /**
     * The distance of each chunk from {@code query}, in the form the index can order by. The query is bound as a
     * parameter of pgvector's own type ({@link VectorBinding}: pgvector-java's {@code PGvector}), not as text: a text
     * parameter cast to the vector type is parsed again wherever the planner cannot fold the cast (a generic plan
     * once pgjdbc prepares the statement on the server), which cost about 0.5 ms per top-10 search of 384
     * dimensions ({@code PgvectorJavaBenchmark}).
     */
    Field<Double> distanceTo(float[] query) {
        return distanceTo(DSL.val(query, VECTOR_CHUNKS.EMBEDDING.getDataType()));
    }

    /** The distance of each chunk from a query vector bound elsewhere: a named parameter of a template. */
    Field<Double> distanceTo(Field<float[]> query) {
        return DSL.field(
                "{0} {1} {2}::{3}({4})",
                Double.class, indexed(), DSL.sql(operator()), query, type(), DSL.inline(dimension()));
    }

    /** The operator class of the index. */
    Keyword operatorClass() {
        String prefix = spec.elementType() == ElementType.HALFVEC ? "halfvec" : "vector";
        return DSL.keyword(
                switch (spec.metric()) {
                    case COSINE -> prefix + "_cosine_ops";
                    case L2 -> prefix + "_l2_ops";
                    case INNER_PRODUCT -> prefix + "_ip_ops";
                });
    }

    /** The score of a distance; higher is better, as {@link DistanceMetric#score} defines it. */
    double score(double distance) {
        return switch (spec.metric()) {
            case COSINE -> 1 - distance;
            case L2 -> 1 / (1 + distance);
            case INNER_PRODUCT -> -distance; // <#> is the negative inner product
        };
    }

    private String operator() {
        return switch (spec.metric()) {
            case COSINE -> "<=>";
            case L2 -> "<->";
            case INNER_PRODUCT -> "<#>";
        };
    }

    private int dimension() {
        return spec.dimension();
    }
}

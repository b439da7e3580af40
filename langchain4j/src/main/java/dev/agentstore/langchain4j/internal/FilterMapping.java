package dev.agentstore.langchain4j.internal;

import dev.agentstore.vector.Filter;
import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * LangChain4j metadata filters as agentstore filters, which run in SQL on pgvector (and in memory on the default
 * backend) with the same meaning: {@code isNotEqualTo} and {@code isNotIn} hold where the key is missing, the
 * ordering comparisons compare numbers by value and strings by code point, UUIDs compare as their strings.
 */
public final class FilterMapping {
    private FilterMapping() {}

    /** {@code filter} as an agentstore filter; null for null. */
    public static Filter toStore(dev.langchain4j.store.embedding.filter.Filter filter) {
        return switch (filter) {
            case null -> null;
            case IsEqualTo f -> Filter.eq(f.key(), value(f.comparisonValue()));
            case IsNotEqualTo f -> Filter.ne(f.key(), value(f.comparisonValue()));
            case IsGreaterThan f -> Filter.gt(f.key(), value(f.comparisonValue()));
            case IsGreaterThanOrEqualTo f -> Filter.gte(f.key(), value(f.comparisonValue()));
            case IsLessThan f -> Filter.lt(f.key(), value(f.comparisonValue()));
            case IsLessThanOrEqualTo f -> Filter.lte(f.key(), value(f.comparisonValue()));
            case IsIn f -> Filter.in(f.key(), values(f.comparisonValues()));
            case IsNotIn f -> Filter.notIn(f.key(), values(f.comparisonValues()));
            case ContainsString f -> Filter.contains(f.key(), f.comparisonValue());
            case And f -> Filter.and(toStore(f.left()), toStore(f.right()));
            case Or f -> Filter.or(toStore(f.left()), toStore(f.right()));
            case Not f -> Filter.not(toStore(f.expression()));
            default ->
                throw new UnsupportedOperationException(
                        "the LangChain4j filter " + filter.getClass().getName() + " has no agentstore equivalent");
        };
    }

    private static Object value(Object value) {
        return value instanceof UUID uuid ? uuid.toString() : value;
    }

    private static List<Object> values(Collection<?> values) {
        return values.stream().map(FilterMapping::value).toList();
    }
}

package dev.agentstore.pgvector.internal;

import static dev.agentstore.pgvector.internal.jooq.Tables.VECTOR_CHUNKS;

import dev.agentstore.postgres.spi.Json;
import dev.agentstore.vector.Filter;
import java.math.BigDecimal;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A {@link Filter} as a SQL condition on the chunks' {@code metadata}, with the semantics {@link Filter}
 * documents and every key and value a bound parameter. Equality and membership compile to jsonb containment
 * ({@code metadata @> '{"k": v}'}) and presence to {@code metadata ? k}, which the GIN index
 * {@code vector_chunks_metadata} serves, containment comparing numbers by value; ordering comparisons and substrings
 * compile to typed comparisons guarded by the value's JSON type, so a
 * comparison between different kinds, or with a missing key, is false rather than an error or NULL. No leaf is
 * ever NULL, so {@code NOT} negates exactly.
 */
final class FilterSql {
    private FilterSql() {}

    /** The condition of {@code filter}, or TRUE for none. */
    static Condition of(Filter filter) {
        return filter == null ? DSL.trueCondition() : compile(filter);
    }

    private static Condition compile(Filter filter) {
        return switch (filter) {
            case Filter.Compare c -> compare(c);
            case Filter.In in ->
                DSL.or(in.values().stream().map(v -> contains(in.key(), v)).toList());
            case Filter.And and ->
                DSL.and(and.operands().stream().map(FilterSql::compile).toList());
            case Filter.Or or ->
                DSL.or(or.operands().stream().map(FilterSql::compile).toList());
            case Filter.Not not -> DSL.not(compile(not.operand()));
            case Filter.Contains contains -> containsText(contains);
            case Filter.Exists exists -> DSL.jsonbKeyExists(VECTOR_CHUNKS.METADATA, DSL.val(exists.key()));
        };
    }

    /** {@code case when jsonb_typeof(metadata -> key) = 'string' then strpos(metadata ->> key, text) > 0 else false}. */
    private static Condition containsText(Filter.Contains c) {
        Field<Object> json = DSL.field("({0} -> {1})", Object.class, VECTOR_CHUNKS.METADATA, DSL.val(c.key()));
        Field<String> text = DSL.field("({0} ->> {1})", String.class, VECTOR_CHUNKS.METADATA, DSL.val(c.key()));
        return DSL.condition(
                "case when jsonb_typeof({0}) = 'string' then strpos({1}, {2}) > 0 else false end",
                json, text, DSL.val(c.text()));
    }

    private static Condition compare(Filter.Compare c) {
        return switch (c.op()) {
            case EQ -> contains(c.key(), c.value());
            case NE -> DSL.not(contains(c.key(), c.value()));
            default -> ordered(c);
        };
    }

    private static Condition contains(String key, Object value) {
        return DSL.condition("{0} @> {1}", VECTOR_CHUNKS.METADATA, DSL.val(Json.of(Map.of(key, value))));
    }

    /** {@code case when jsonb_typeof(metadata -> key) = kind then (metadata ->> key)::type op value else false end}. */
    private static Condition ordered(Filter.Compare c) {
        Field<Object> json = DSL.field("({0} -> {1})", Object.class, VECTOR_CHUNKS.METADATA, DSL.val(c.key()));
        Field<String> text = DSL.field("({0} ->> {1})", String.class, VECTOR_CHUNKS.METADATA, DSL.val(c.key()));
        boolean number = c.value() instanceof Number;
        Field<?> actual = number
                ? DSL.field("{0}::numeric", BigDecimal.class, text)
                : DSL.field("{0} collate \"C\"", String.class, text);
        Field<?> expected = number ? DSL.val(new BigDecimal(c.value().toString())) : DSL.val((String) c.value());
        Condition comparison = DSL.condition("{0} " + operator(c.op()) + " {1}", actual, expected);
        Condition sameKind = DSL.condition("jsonb_typeof({0}) = {1}", json, DSL.inline(number ? "number" : "string"));
        return DSL.condition("case when {0} then {1} else false end", sameKind, comparison);
    }

    private static String operator(Filter.Op op) {
        return switch (op) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException("not an ordering operator: " + op);
        };
    }
}

package dev.agentstore.postgres.spi;

import dev.agentstore.vector.Filter;
import java.math.BigDecimal;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * A {@link Filter} as a SQL condition on a jsonb metadata column (vector chunks', conversations'...), with the
 * semantics {@link Filter} documents and every key and value a bound parameter. Equality and membership compile to
 * jsonb containment ({@code metadata @> '{"k": v}'}) and presence to {@code metadata ? k}, which a GIN index on the
 * column serves, containment comparing numbers by value; ordering comparisons and substrings compile to typed
 * comparisons guarded by the value's JSON type, so a comparison between different kinds, or with a missing key, is
 * false rather than an error or NULL. No leaf is ever NULL, so {@code NOT} negates exactly.
 */
public final class MetadataFilterSql {
    private final Field<JSONB> metadata;

    private MetadataFilterSql(Field<JSONB> metadata) {
        this.metadata = metadata;
    }

    /** The condition that {@code metadata} passes {@code filter}, or TRUE for no filter. */
    public static Condition of(Field<JSONB> metadata, Filter filter) {
        return filter == null ? DSL.trueCondition() : new MetadataFilterSql(metadata).compile(filter);
    }

    private Condition compile(Filter filter) {
        return switch (filter) {
            case Filter.Compare c -> compare(c);
            case Filter.In in ->
                DSL.or(in.values().stream().map(v -> contains(in.key(), v)).toList());
            case Filter.And and ->
                DSL.and(and.operands().stream().map(this::compile).toList());
            case Filter.Or or ->
                DSL.or(or.operands().stream().map(this::compile).toList());
            case Filter.Not not -> DSL.not(compile(not.operand()));
            case Filter.Contains contains -> containsText(contains);
            case Filter.Exists exists -> DSL.jsonbKeyExists(metadata, DSL.val(exists.key()));
        };
    }

    /** {@code case when jsonb_typeof(metadata -> key) = 'string' then strpos(metadata ->> key, text) > 0 else false}. */
    private Condition containsText(Filter.Contains c) {
        Field<Object> json = DSL.field("({0} -> {1})", Object.class, metadata, DSL.val(c.key()));
        Field<String> text = DSL.field("({0} ->> {1})", String.class, metadata, DSL.val(c.key()));
        return DSL.condition(
                "case when jsonb_typeof({0}) = 'string' then strpos({1}, {2}) > 0 else false end",
                json, text, DSL.val(c.text()));
    }

    private Condition compare(Filter.Compare c) {
        return switch (c.op()) {
            case EQ -> contains(c.key(), c.value());
            case NE -> DSL.not(contains(c.key(), c.value()));
            default -> ordered(c);
        };
    }

    private Condition contains(String key, Object value) {
        return DSL.condition("{0} @> {1}", metadata, DSL.val(Json.of(Map.of(key, value))));
    }

    /** {@code case when jsonb_typeof(metadata -> key) = kind then (metadata ->> key)::type op value else false end}. */
    private Condition ordered(Filter.Compare c) {
        Field<Object> json = DSL.field("({0} -> {1})", Object.class, metadata, DSL.val(c.key()));
        Field<String> text = DSL.field("({0} ->> {1})", String.class, metadata, DSL.val(c.key()));
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

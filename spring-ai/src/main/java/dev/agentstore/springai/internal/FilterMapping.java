package dev.agentstore.springai.internal;

import dev.agentstore.vector.Filter;
import java.util.Collection;
import java.util.List;
import org.springframework.ai.vectorstore.filter.Filter.Expression;
import org.springframework.ai.vectorstore.filter.Filter.Group;
import org.springframework.ai.vectorstore.filter.Filter.Key;
import org.springframework.ai.vectorstore.filter.Filter.Operand;
import org.springframework.ai.vectorstore.filter.Filter.Value;

/**
 * Spring AI filter expressions, whether built or parsed from the text filter language, as agentstore filters, which
 * run in SQL on pgvector with the same meaning on every backend: {@code EQ, NE, GT, GTE, LT, LTE, IN, NIN, NOT, AND,
 * OR, ISNULL, ISNOTNULL}. {@code NE} and {@code NIN} hold where the key is missing, {@code ISNULL} where it is missing,
 * {@code ISNOTNULL} where it is present.
 */
public final class FilterMapping {
    private FilterMapping() {}

    /** {@code expression} as an agentstore filter; null for null. */
    public static Filter toStore(Expression expression) {
        if (expression == null) {
            return null;
        }
        return switch (expression.type()) {
            case AND -> Filter.and(operand(expression.left()), operand(expression.right()));
            case OR -> Filter.or(operand(expression.left()), operand(expression.right()));
            case NOT -> Filter.not(operand(expression.left()));
            case EQ -> Filter.eq(key(expression), value(expression));
            case NE -> Filter.ne(key(expression), value(expression));
            case GT -> Filter.gt(key(expression), value(expression));
            case GTE -> Filter.gte(key(expression), value(expression));
            case LT -> Filter.lt(key(expression), value(expression));
            case LTE -> Filter.lte(key(expression), value(expression));
            case IN -> Filter.in(key(expression), values(expression));
            case NIN -> Filter.notIn(key(expression), values(expression));
            case ISNULL -> Filter.not(Filter.exists(key(expression)));
            case ISNOTNULL -> Filter.exists(key(expression));
        };
    }

    private static Filter operand(Operand operand) {
        return switch (operand) {
            case Expression e -> toStore(e);
            case Group g -> toStore(g.content());
            default -> throw new IllegalArgumentException("not a filter expression: " + operand);
        };
    }

    /** The key, without the quotes the text language allows around it. */
    private static String key(Expression expression) {
        String key = ((Key) expression.left()).key();
        boolean quoted = key.length() >= 2
                && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"));
        return quoted ? key.substring(1, key.length() - 1) : key;
    }

    private static Object value(Expression expression) {
        return ((Value) expression.right()).value();
    }

    private static List<Object> values(Expression expression) {
        Object value = value(expression);
        return value instanceof Collection<?> c ? List.copyOf(c) : List.of(value);
    }
}

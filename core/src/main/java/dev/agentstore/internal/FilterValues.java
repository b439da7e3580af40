package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import dev.agentstore.vector.Filter;
import java.math.BigDecimal;
import java.util.List;

/** Value rules of {@link Filter}: which values are allowed, and how stored values compare with them. */
public final class FilterValues {
    private FilterValues() {}

    public static Object checked(Object value) {
        Check.present("filter.value", value);
        if (value instanceof String s) {
            return Check.text("filter.value", s, 65_536);
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            BigDecimal decimal = decimal(n);
            if (decimal == null) {
                throw new InvalidInputException("filter.value", "must be a finite number, but was " + n);
            }
            return stored(n);
        }
        throw new InvalidInputException(
                "filter.value",
                "must be a string, number or boolean, but was a "
                        + value.getClass().getName());
    }

    /**
     * A number as metadata stores it ({@link Metadata}): integers as {@code Long}, floats as {@code Double}. A filter
     * value must take the same form, or a backend comparing stored representations (jsonb containment) would find
     * {@code 1.23f} stored as 1.2300000190734863 unequal to 1.23.
     */
    private static Number stored(Number n) {
        return switch (n) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            default -> n;
        };
    }

    public static List<Filter> operands(List<Filter> operands) {
        Check.batch("filter.operands", operands, 1_000);
        if (operands.isEmpty()) {
            throw new InvalidInputException("filter.operands", "must hold at least one filter");
        }
        return List.copyOf(operands);
    }

    public static boolean equal(Object actual, Object expected) {
        Integer order = compare(actual, expected);
        return order != null ? order == 0 : actual.equals(expected);
    }

    /** The order of two values of the same kind, or null when they are not comparable. */
    public static Integer compare(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        if (actual instanceof String a && expected instanceof String b) {
            return Integer.signum(a.compareTo(b));
        }
        if (actual instanceof Boolean a && expected instanceof Boolean b) {
            return a.equals(b) ? 0 : null;
        }
        return null;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return new BigDecimal(n.toString());
    }
}

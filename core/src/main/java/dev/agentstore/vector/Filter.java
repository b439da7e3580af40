package dev.agentstore.vector;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.FilterValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed filter over chunk metadata. Build with the static methods: {@code Filter.and(Filter.eq("lang",
 * "en"), Filter.gte("year", 2020))}.
 *
 * <p>Semantics, the same on every backend: values are strings, numbers or booleans; numbers compare by value
 * whatever their Java type; a comparison between different kinds (a number and a string) is false;
 * {@code eq}, {@code in}, {@code contains} and the ordering comparisons are false when the key is missing;
 * {@code ne} and {@code notIn} are true when the key is missing or holds a different value; {@code exists} says
 * whether the key is there; {@code not} negates its operand exactly.
 */
public sealed interface Filter {

    /** Whether metadata passes this filter. */
    boolean test(Map<String, Object> metadata);

    /** {@code key == value}. */
    static Filter eq(String key, Object value) {
        return new Compare(key, Op.EQ, value);
    }

    /** {@code key != value}, or the key is missing. */
    static Filter ne(String key, Object value) {
        return new Compare(key, Op.NE, value);
    }

    /** {@code key > value}. */
    static Filter gt(String key, Object value) {
        return new Compare(key, Op.GT, value);
    }

    /** {@code key >= value}. */
    static Filter gte(String key, Object value) {
        return new Compare(key, Op.GTE, value);
    }

    /** {@code key < value}. */
    static Filter lt(String key, Object value) {
        return new Compare(key, Op.LT, value);
    }

    /** {@code key <= value}. */
    static Filter lte(String key, Object value) {
        return new Compare(key, Op.LTE, value);
    }

    /** {@code key} equals one of {@code values} (1 to 1,000 values). */
    static Filter in(String key, List<?> values) {
        return new In(key, values == null ? null : List.copyOf(values));
    }

    /** {@code key} equals none of {@code values}, or is missing: exactly {@code not(in(key, values))}. */
    static Filter notIn(String key, List<?> values) {
        return not(in(key, values));
    }

    /**
     * {@code key} holds a string that contains {@code text}, case-sensitively; false when the key is missing or holds
     * a number or boolean.
     */
    static Filter contains(String key, String text) {
        return new Contains(key, text);
    }

    /** {@code key} is present, whatever its value; {@code not(exists(key))} holds where it is missing. */
    static Filter exists(String key) {
        return new Exists(key);
    }

    /** Every operand holds. */
    static Filter and(Filter... operands) {
        return new And(List.of(operands));
    }

    /** At least one operand holds. */
    static Filter or(Filter... operands) {
        return new Or(List.of(operands));
    }

    /** The operand does not hold. */
    static Filter not(Filter operand) {
        return new Not(operand);
    }

    /** Comparison operators. */
    enum Op {
        /** Equal. */
        EQ,
        /** Not equal (or missing). */
        NE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GTE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LTE
    }

    /**
     * A comparison of one key with one value.
     *
     * @param key the metadata key
     * @param op the operator
     * @param value a string, number or boolean
     */
    record Compare(String key, Op op, Object value) implements Filter {
        /** Checks the key, operator and value. */
        public Compare {
            Check.name("filter.key", key);
            Check.present("filter.op", op);
            value = FilterValues.checked(value);
            if (value instanceof Boolean && op != Op.EQ && op != Op.NE) {
                throw new InvalidInputException("filter.value", "booleans support only eq and ne, not " + op);
            }
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            Object actual = metadata.get(key);
            if (op == Op.NE) {
                return actual == null || !FilterValues.equal(actual, value);
            }
            if (actual == null) {
                return false;
            }
            if (op == Op.EQ) {
                return FilterValues.equal(actual, value);
            }
            Integer order = FilterValues.compare(actual, value);
            if (order == null) {
                return false;
            }
            return switch (op) {
                case GT -> order > 0;
                case GTE -> order >= 0;
                case LT -> order < 0;
                default -> order <= 0;
            };
        }
    }

    /**
     * Membership in a set of values.
     *
     * @param key the metadata key
     * @param values 1 to 1,000 strings, numbers or booleans
     */
    record In(String key, List<Object> values) implements Filter {
        /** Checks the key and values. */
        public In {
            Check.name("filter.key", key);
            Check.batch("filter.values", values, 1_000);
            if (values.isEmpty()) {
                throw new InvalidInputException("filter.values", "must hold at least one value");
            }
            values = values.stream().map(FilterValues::checked).toList();
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            Object actual = metadata.get(key);
            return actual != null && values.stream().anyMatch(v -> FilterValues.equal(actual, v));
        }
    }

    /**
     * A substring of a string value.
     *
     * @param key the metadata key
     * @param text what the value must contain, 1 to 65,536 characters
     */
    record Contains(String key, String text) implements Filter {
        /** Checks the key and text. */
        public Contains {
            Check.name("filter.key", key);
            Check.text("filter.text", text, 65_536);
            if (text.isEmpty()) {
                throw new InvalidInputException("filter.text", "must not be empty");
            }
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return metadata.get(key) instanceof String actual && actual.contains(text);
        }
    }

    /**
     * The presence of a key.
     *
     * @param key the metadata key
     */
    record Exists(String key) implements Filter {
        /** Checks the key. */
        public Exists {
            Check.name("filter.key", key);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return metadata.containsKey(key);
        }
    }

    /**
     * Conjunction.
     *
     * @param operands at least one filter
     */
    record And(List<Filter> operands) implements Filter {
        /** Checks the operands. */
        public And {
            operands = FilterValues.operands(operands);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return operands.stream().allMatch(f -> f.test(metadata));
        }
    }

    /**
     * Disjunction.
     *
     * @param operands at least one filter
     */
    record Or(List<Filter> operands) implements Filter {
        /** Checks the operands. */
        public Or {
            operands = FilterValues.operands(operands);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return operands.stream().anyMatch(f -> f.test(metadata));
        }
    }

    /**
     * Negation.
     *
     * @param operand the filter to negate
     */
    record Not(Filter operand) implements Filter {
        /** Checks the operand. */
        public Not {
            Objects.requireNonNull(Check.present("filter.operand", operand));
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return !operand.test(metadata);
        }
    }
}

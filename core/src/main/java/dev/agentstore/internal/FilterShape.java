package dev.agentstore.internal;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Limits;
import dev.agentstore.vector.Filter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The size rule for metadata filters, checked before any backend sees one: at most {@link
 * Limits#MAX_FILTER_DEPTH} levels of {@code and}, {@code or} and {@code not}, and at most {@link
 * Limits#MAX_FILTER_TERMS} nodes in all. A filter is built by the caller, possibly from a request, and every backend
 * walks it recursively (into SQL, or against metadata in memory): without a bound a deep one exhausts the stack and a
 * wide one the statement. The walk here is iterative, so checking never overflows.
 */
public final class FilterShape {
    private FilterShape() {}

    /** {@code filter} (null allowed: no filter) if it is within both bounds; else {@link InvalidInputException}. */
    public static Filter check(String field, Filter filter) {
        if (filter == null) {
            return null;
        }
        Deque<Filter> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        pending.push(filter);
        depths.push(1);
        int terms = 0;
        while (!pending.isEmpty()) {
            Filter next = pending.pop();
            int depth = depths.pop();
            if (depth > Limits.MAX_FILTER_DEPTH) {
                throw new InvalidInputException(
                        field, "must nest at most " + Limits.MAX_FILTER_DEPTH + " levels of and, or and not");
            }
            if (++terms > Limits.MAX_FILTER_TERMS) {
                throw new InvalidInputException(field, "must have at most " + Limits.MAX_FILTER_TERMS + " terms");
            }
            for (Filter operand : operands(next)) {
                pending.push(operand);
                depths.push(depth + 1);
            }
        }
        return filter;
    }

    private static List<Filter> operands(Filter filter) {
        return switch (filter) {
            case Filter.And and -> and.operands();
            case Filter.Or or -> or.operands();
            case Filter.Not not -> List.of(not.operand());
            default -> List.of();
        };
    }
}

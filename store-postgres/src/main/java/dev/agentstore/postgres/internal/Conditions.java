package dev.agentstore.postgres.internal;

import java.time.Instant;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The conditions the time-series queries share: a tenant's rows in a time range, and optional equality filters. */
public final class Conditions {
    private Conditions() {}

    /** The rows of {@code tenant} whose {@code time} lies in {@code [from, to)}. */
    public static Condition tenantBetween(
            Field<String> tenantColumn, String tenant, Field<Instant> time, Instant from, Instant to) {
        return tenantColumn.eq(tenant).and(time.ge(from)).and(time.lt(to));
    }

    /** {@code field = value}, or no condition at all when the filter is not set (null). */
    public static <T> Condition eqIfSet(Field<T> field, T value) {
        return value == null ? DSL.noCondition() : field.eq(value);
    }
}

package dev.agentstore.postgres.spi;

import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The row-level security every agentstore table carries, written once, as the SQL function {@code
 * apply_tenant_policy(regclass)} that {@link TenantPolicyMigration} creates in each migrated schema: row-level
 * security enabled, forced on the owner too, and one policy confining reads and writes to the transaction's
 * tenant ({@code agentstore.tenant_id}); with no tenant set, or an empty one, no row matches.
 *
 * <p>A provider's migrations call it for the tables they create ({@code SELECT apply_tenant_policy('notes');}),
 * after the module's {@link TenantPolicyMigration}; code that creates tables at run time (partitions) calls
 * {@link #apply} as the schema owner ({@link OwnerDdl}).
 */
public final class TenantPolicy {
    /** The function's name, in each agentstore schema. */
    public static final String FUNCTION = "apply_tenant_policy";

    private TenantPolicy() {}

    /**
     * Puts {@code table}, a schema-qualified name, under the tenant policy in the caller's transaction, by calling
     * its schema's {@value #FUNCTION}.
     *
     * @throws IllegalArgumentException if {@code table} names no schema
     */
    public static void apply(DSLContext dsl, Name table) {
        if (!table.qualified()) {
            throw new IllegalArgumentException("table must be schema-qualified, but was " + table);
        }
        dsl.execute(
                "select {0}({1}::regclass)",
                DSL.name(table.qualifier(), DSL.name(FUNCTION)), DSL.inline(dsl.render(table)));
    }
}

package dev.agentstore.postgres.spi;

import org.jooq.DSLContext;
import org.jooq.Name;

/**
 * The row-level security every agentstore table carries, for tables created at run time (partitions): enabled,
 * forced on the owner too, and one policy that confines reads and writes to the transaction's tenant, exactly as
 * the migrations set it up for the tables they create. With no tenant set, or an empty one, the policy's {@link
 * #EXPRESSION} is NULL and matches no row.
 */
public final class TenantPolicy {
    /** The policy's USING and WITH CHECK expression, as the migrations write it. */
    public static final String EXPRESSION = "tenant_id = NULLIF(current_setting('agentstore.tenant_id', true), '')";

    private TenantPolicy() {}

    /** Enables, forces and adds the tenant policy on {@code table}, in the caller's transaction. */
    public static void apply(DSLContext dsl, Name table) {
        dsl.execute("alter table {0} enable row level security", table);
        dsl.execute("alter table {0} force row level security", table);
        dsl.execute(
                "create policy tenant_isolation on {0} using (" + EXPRESSION + ") with check (" + EXPRESSION + ")",
                table);
    }
}

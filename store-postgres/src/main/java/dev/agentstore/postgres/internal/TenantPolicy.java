package dev.agentstore.postgres.internal;

import org.jooq.DSLContext;
import org.jooq.Name;

/**
 * The row-level security every agentstore table carries, for tables created at run time (partitions): enabled,
 * forced on the owner too, and one policy that confines reads and writes to the transaction's tenant, exactly as
 * the migrations set it up for the tables they create.
 */
public final class TenantPolicy {
    private TenantPolicy() {}

    /** Enables, forces and adds the tenant policy on {@code table}, in the caller's transaction. */
    public static void apply(DSLContext dsl, Name table) {
        dsl.execute("alter table {0} enable row level security", table);
        dsl.execute("alter table {0} force row level security", table);
        dsl.execute(
                "create policy tenant_isolation on {0}"
                        + " using (tenant_id = current_setting('agentstore.tenant_id', true))"
                        + " with check (tenant_id = current_setting('agentstore.tenant_id', true))",
                table);
    }
}

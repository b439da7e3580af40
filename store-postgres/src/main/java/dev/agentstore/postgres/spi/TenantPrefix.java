package dev.agentstore.postgres.spi;

import java.util.Map;

/**
 * The statement {@link TenantSql} sends before a tenant's query, in the same round trip: {@code select
 * set_config('agentstore.tenant_id', '<tenant>', true)}, with the transaction made read-only for reads and any
 * server settings the call needs, all scoped to the transaction.
 *
 * <p>The tenant is written as a literal, so the query's own bind values keep their positions: tenant ids are checked
 * before they get here, and their rule allows only letters, digits and {@code . _ : @ -}, so no quote or backslash can
 * reach it. Settings' names and values are the caller's constants, never user input, written as escaped literals.
 */
final class TenantPrefix {
    private final String setTenant;

    /** The prefix for {@code tenant} (already checked), marking the transaction read-only when {@code readOnly}. */
    TenantPrefix(String tenant, boolean readOnly) {
        this.setTenant = "select set_config('agentstore.tenant_id', '" + tenant + "', true)"
                + (readOnly ? ", set_config('transaction_read_only', 'on', true)" : "");
    }

    /** The statement setting the tenant and {@code settings}, transaction-local, ending in {@code "; "}. */
    String withSettings(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return setTenant + "; ";
        }
        StringBuilder prefix = new StringBuilder(setTenant);
        settings.forEach((name, value) -> prefix.append(", set_config(")
                .append(literal(name))
                .append(", ")
                .append(literal(value))
                .append(", true)"));
        return prefix.append("; ").toString();
    }

    /**
     * A caller's constant as a standard SQL string literal (quotes doubled). A backslash or NUL is refused rather
     * than escaped, so the literal means the same whatever {@code standard_conforming_strings} says.
     */
    private static String literal(String constant) {
        if (constant.indexOf('\\') >= 0 || constant.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a setting's name or value may not contain a backslash or NUL");
        }
        return "'" + constant.replace("'", "''") + "'";
    }
}

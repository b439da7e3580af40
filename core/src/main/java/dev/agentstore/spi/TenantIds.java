package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;

/**
 * The tenant id rule, for backends that render a tenant id into a statement or a key and check it once more there
 * (core checks every id before a backend sees it): 1 to 128 letters, digits, {@code . _ : @ -}, starting with a
 * letter or digit.
 */
public final class TenantIds {
    private TenantIds() {}

    /**
     * {@code tenantId}, if it follows the rule.
     *
     * @throws InvalidInputException naming {@code field} if it does not
     */
    public static String check(String field, String tenantId) {
        return Check.tenantId(field, tenantId);
    }
}

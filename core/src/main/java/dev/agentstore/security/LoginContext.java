package dev.agentstore.security;

import dev.agentstore.internal.Check;

/**
 * Where a login comes from, recorded with the attempt.
 *
 * @param ipAddress the client address, or null
 * @param userAgent the client's user agent, or null
 */
public record LoginContext(String ipAddress, String userAgent) {
    /** Checks the components. */
    public LoginContext {
        Check.optionalName("login.ipAddress", ipAddress);
        Check.optionalText("login.userAgent", userAgent, 1_024);
    }

    /** No known origin. */
    public static LoginContext unknown() {
        return new LoginContext(null, null);
    }
}

package dev.agentstore.postgres.spi;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps pgjdbc's own logging (java.util.logging, logger {@code org.postgresql}) at INFO or above. Below that the
 * driver writes what agentstore must never let out: at FINE the connection URL (with any {@code password=} in it),
 * at FINEST every bound value of every statement (password hashes, sealed TOTP secrets, token and key digests,
 * message text) and the MD5 digest of the password. A root logger set to ALL would otherwise turn all of that on.
 * {@code postgres.driver-trace=true} leaves the driver's levels alone, for debugging a driver problem, and says so
 * once at WARN.
 */
final class DriverLogging {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger DRIVER = Logger.getLogger("org.postgresql");

    private static volatile boolean warned;

    private DriverLogging() {}

    /** Applies the rule above for a store opened with {@code settings}. */
    static void confine(PostgresSettings settings) {
        if (settings.driverTrace()) {
            if (!warned) {
                warned = true;
                LoggerFactory.getLogger(DriverLogging.class)
                        .warn("postgres.driver-trace=true: pgjdbc may log bound values (password hashes, sealed"
                                + " secrets, message text) at FINEST; never set it in production");
            }
            return;
        }
        Level level = DRIVER.getLevel();
        if (level == null || level.intValue() < Level.INFO.intValue()) {
            DRIVER.setLevel(Level.INFO);
        }
    }
}

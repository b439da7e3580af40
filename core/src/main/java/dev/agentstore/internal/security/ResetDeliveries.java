package dev.agentstore.internal.security;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.ResetTokenDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands reset tokens to the application's {@link ResetTokenDelivery} on a virtual thread of their own, so a reset
 * request for a known email returns as fast as one for an unknown email whatever the delivery does (a mail server
 * round trip, say). A delivery that throws is logged with its exception type only: its message might carry the
 * token.
 */
final class ResetDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(ResetDeliveries.class);

    private ResetDeliveries() {}

    static void later(Credential account, Secret token, ResetTokenDelivery delivery) {
        Thread.ofVirtual().name("agentstore-reset-delivery").start(() -> {
            try {
                delivery.deliver(account, token);
            } catch (RuntimeException e) {
                LOG.warn(
                        "the reset token delivery for credential {} failed with {}",
                        account.id(),
                        e.getClass().getName());
            }
        });
    }
}

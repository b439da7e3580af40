package dev.agentstore.internal.security;

import dev.agentstore.internal.crypto.PasswordHasher;
import dev.agentstore.internal.crypto.SecretCipher;
import dev.agentstore.security.PasswordPolicy;
import dev.agentstore.spi.Ids;
import dev.agentstore.spi.SecurityStore;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** What the security services of one tenant share: storage, rules, crypto and the clock. */
record SecurityContext(
        String tenant,
        SecurityStore store,
        PasswordPolicy policy,
        PasswordHasher hasher,
        SecretCipher cipher,
        Clock clock) {
    Instant now() {
        return clock.instant();
    }

    UUID newId() {
        return Ids.newId(clock);
    }
}

package dev.agentstore.security;

import dev.agentstore.InvalidInputException;
import dev.agentstore.internal.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The password and lockout rules (NIST SP 800-63B, OWASP): length, not the username, not blocklisted, not
 * recently used; lock after repeated failures with capped backoff.
 *
 * @param minLength shortest password without a second factor (default 15)
 * @param minLengthWithTotp shortest password when TOTP is on (default 8)
 * @param maxLength longest accepted password (at least 64; default 1,024)
 * @param historySize how many previous passwords may not be reused (default 5)
 * @param blocklist passwords refused outright, compared case-insensitively
 * @param maxFailures consecutive failures that lock the account (default 10)
 * @param hardLockAfter consecutive failures after which the account stays locked until {@link
 *     SecurityRepository#unlock} or a password reset (default 100, NIST SP 800-63B's limit)
 * @param baseLockout first lock duration, doubled with each further failure
 * @param maxLockout the longest lock (default 15 minutes)
 * @param resetTokenTtl how long a reset token stays valid (default 30 minutes)
 */
public record PasswordPolicy(
        int minLength,
        int minLengthWithTotp,
        int maxLength,
        int historySize,
        Set<String> blocklist,
        int maxFailures,
        int hardLockAfter,
        Duration baseLockout,
        Duration maxLockout,
        Duration resetTokenTtl) {
    /** Checks the bounds and normalises the blocklist. */
    public PasswordPolicy {
        Check.range("policy.minLength", minLength, 1, 64);
        Check.range("policy.minLengthWithTotp", minLengthWithTotp, 1, minLength);
        Check.range("policy.maxLength", maxLength, 64, 4_096);
        Check.range("policy.historySize", historySize, 0, 100);
        blocklist = Check.present("policy.blocklist", blocklist).stream()
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Check.range("policy.maxFailures", maxFailures, 1, 1_000);
        Check.range("policy.hardLockAfter", hardLockAfter, maxFailures, 100_000);
        Check.present("policy.baseLockout", baseLockout);
        Check.present("policy.maxLockout", maxLockout);
        if (!baseLockout.isPositive() || maxLockout.compareTo(baseLockout) < 0) {
            throw new InvalidInputException(
                    "policy.maxLockout", "must be at least the base lockout (" + baseLockout + "), which is positive");
        }
        Check.present("policy.resetTokenTtl", resetTokenTtl);
    }

    /** The defaults named on each component. */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy(
                15,
                8,
                1_024,
                5,
                Set.of("password", "123456789012345", "qwertyuiopasdfgh"),
                10,
                100,
                Duration.ofSeconds(30),
                Duration.ofMinutes(15),
                Duration.ofMinutes(30));
    }

    /**
     * Until when an account is locked after {@code failures} consecutive failures, the last at {@code now}: null
     * below {@link #maxFailures}, {@link Credential#UNTIL_UNLOCKED} from {@link #hardLockAfter} on, else {@code
     * now} plus {@link #lockoutAfter}.
     */
    public Instant lockedUntil(int failures, Instant now) {
        if (failures >= hardLockAfter) {
            return Credential.UNTIL_UNLOCKED;
        }
        Duration lock = lockoutAfter(failures);
        return lock.isZero() ? null : now.plus(lock);
    }

    /** The lock duration after {@code failures} consecutive failures (zero below the threshold). */
    public Duration lockoutAfter(int failures) {
        if (failures < maxFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - maxFailures, 20);
        Duration lock = baseLockout.multipliedBy(1L << doublings);
        return lock.compareTo(maxLockout) > 0 ? maxLockout : lock;
    }
}

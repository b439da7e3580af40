package dev.agentstore.spi;

import dev.agentstore.InvalidInputException;
import java.time.Duration;
import java.util.List;

/**
 * The settings core reads, whatever the backends: timeouts, the default tenant, migration on open, write limits,
 * the recent-context cache, rate-limit fallback, provider choice, the password and lockout policy, and encryption
 * keys. Providers may read {@link #TIMEOUT}, {@link #CONTEXT_CACHE_SIZE} and {@link #CONTEXT_CACHE_TTL} (through
 * {@link dev.agentstore.StoreConfig}'s accessors) and declare only their own keys.
 */
public final class CoreSettings {
    /** {@code timeout}. */
    public static final Setting<Duration> TIMEOUT = Setting.duration(
            "timeout", Duration.ofSeconds(5), "bound on connecting, pool waits and every statement or Redis command");
    /** {@code default-tenant}. */
    public static final Setting<String> DEFAULT_TENANT = Setting.of(
            "default-tenant", "tenant id", "default", "the tenant of the root store's repositories", value -> {
                try {
                    return TenantIds.check("default-tenant", value);
                } catch (InvalidInputException e) {
                    throw new IllegalArgumentException(
                            "must be 1 to 128 letters, digits or . _ : @ -, starting with a letter or digit");
                }
            });
    /** {@code migrate-on-open}. */
    public static final Setting<Boolean> MIGRATE_ON_OPEN = Setting.flag(
            "migrate-on-open", true, "apply the bundled migrations when the store opens (else call `store.migrate()`)");
    /** {@code context-cache-size}. */
    public static final Setting<Integer> CONTEXT_CACHE_SIZE = Setting.integer(
            "context-cache-size", 50, 1, 1_000, "newest messages per conversation kept in the recent-context cache");
    /** {@code context-cache-ttl}. */
    public static final Setting<Duration> CONTEXT_CACHE_TTL = Setting.duration(
            "context-cache-ttl", Duration.ofHours(1), "how long an idle conversation stays in that cache");
    /** {@code conversations.idempotency-key-ttl}. */
    public static final Setting<Duration> IDEMPOTENCY_KEY_TTL = Setting.duration(
            "conversations.idempotency-key-ttl",
            Duration.ofDays(7),
            "how long an append's idempotency key answers retries; an older key appends anew, and conversation"
                    + " retention removes it");
    /** {@code rate-limit.on-failure}. */
    public static final Setting<String> RATE_LIMIT_ON_FAILURE = Setting.choice(
            "rate-limit.on-failure",
            "local",
            List.of("local", "deny"),
            "while the rate-limit backend is down: `local` limits per JVM, `deny` refuses");
    /** {@code meters.tag-tenant}. */
    public static final Setting<Boolean> METERS_TAG_TENANT = Setting.flag(
            "meters.tag-tenant",
            false,
            "tag each operation timer with the tenant id (one series per tenant: only for a few, known tenants)");
    /** {@code time-window.past}. */
    public static final Setting<Duration> TIME_WINDOW_PAST = Setting.duration(
            "time-window.past",
            Duration.ofDays(400),
            "how long before now a supplied time (metric samples, LLM requests, API calls) may lie");
    /** {@code time-window.future}. */
    public static final Setting<Duration> TIME_WINDOW_FUTURE =
            Setting.duration("time-window.future", Duration.ofDays(1), "how long after now it may lie");
    /** {@code limits.message-bytes-per-call}. */
    public static final Setting<Long> MESSAGE_BYTES_PER_CALL = Setting.bytes(
            "limits.message-bytes-per-call",
            "16MB",
            "the most text, tool calls and metadata (UTF-8 bytes) one append carries");
    /** {@code limits.chunk-bytes-per-call}. */
    public static final Setting<Long> CHUNK_BYTES_PER_CALL = Setting.bytes(
            "limits.chunk-bytes-per-call",
            "256MB",
            "the most content, metadata and vector bytes one vector upsert carries");
    /** {@code provider.<capability>}: see {@link Capability#configKey()}. */
    public static final Setting<String> PROVIDER = Setting.of(
                    "provider.<capability>",
                    "provider id",
                    null,
                    "which provider id serves a capability when several could, e.g. `provider.response-cache=postgres`",
                    value -> value)
            .shownAs("chosen automatically");
    /** {@code security.min-password-length}. */
    public static final Setting<Integer> MIN_PASSWORD_LENGTH =
            Setting.integer("security.min-password-length", 15, 1, 64, "shortest password without TOTP");
    /** {@code security.min-password-length-with-totp}. */
    public static final Setting<Integer> MIN_PASSWORD_LENGTH_WITH_TOTP = Setting.integer(
            "security.min-password-length-with-totp",
            8,
            1,
            64,
            "shortest password with TOTP on (at most `security.min-password-length`)");
    /** {@code security.password-history}. */
    public static final Setting<Integer> PASSWORD_HISTORY =
            Setting.integer("security.password-history", 5, 0, 100, "previous passwords that may not be reused");
    /** {@code security.lockout-after}. */
    public static final Setting<Integer> LOCKOUT_AFTER =
            Setting.integer("security.lockout-after", 10, 1, 1_000, "consecutive failures that lock an account");
    /** {@code security.max-lockout}. */
    public static final Setting<Duration> MAX_LOCKOUT = Setting.duration(
            "security.max-lockout", Duration.ofMinutes(15), "the longest lock (the first is 30 s, doubling)");
    /** {@code security.hard-lock-after}. */
    public static final Setting<Integer> HARD_LOCK_AFTER = Setting.integer(
            "security.hard-lock-after",
            100,
            1,
            100_000,
            "consecutive failures after which the account stays locked until `unlock` or a password reset");
    /** {@code security.password-blocklist-file}. */
    public static final Setting<String> PASSWORD_BLOCKLIST_FILE = Setting.of(
            "security.password-blocklist-file",
            "file path",
            null,
            "a UTF-8 file of refused passwords, one per line, added to the built-in list",
            value -> value);
    /** {@code encryption.key.<id>}. */
    public static final Setting<String> ENCRYPTION_KEY = Setting.of(
                    "encryption.key.<id>",
                    "Base64 AES-256 key",
                    null,
                    "a key sealing secrets at rest (TOTP); several for rotation",
                    value -> value)
            .masked();
    /** {@code vectors.retrieval-stats-interval}. */
    public static final Setting<Duration> RETRIEVAL_STATS_INTERVAL = Setting.duration(
            "vectors.retrieval-stats-interval",
            Duration.ofSeconds(5),
            Duration.ZERO,
            "how often the counts of chunks returned by searches are written, in one batch per collection; zero"
                    + " counts nothing");
    /** {@code encryption.active-key}. */
    public static final Setting<String> ENCRYPTION_ACTIVE_KEY = Setting.of(
                    "encryption.active-key", "key id", null, "the key id new secrets are sealed with", value -> value)
            .shownAs("the only key");

    /** Every setting core reads. */
    public static final List<Setting<?>> ALL = List.of(
            TIMEOUT,
            DEFAULT_TENANT,
            MIGRATE_ON_OPEN,
            CONTEXT_CACHE_SIZE,
            CONTEXT_CACHE_TTL,
            IDEMPOTENCY_KEY_TTL,
            RATE_LIMIT_ON_FAILURE,
            METERS_TAG_TENANT,
            TIME_WINDOW_PAST,
            TIME_WINDOW_FUTURE,
            RETRIEVAL_STATS_INTERVAL,
            MESSAGE_BYTES_PER_CALL,
            CHUNK_BYTES_PER_CALL,
            PROVIDER,
            MIN_PASSWORD_LENGTH,
            MIN_PASSWORD_LENGTH_WITH_TOTP,
            PASSWORD_HISTORY,
            LOCKOUT_AFTER,
            MAX_LOCKOUT,
            HARD_LOCK_AFTER,
            PASSWORD_BLOCKLIST_FILE,
            ENCRYPTION_KEY,
            ENCRYPTION_ACTIVE_KEY);

    private CoreSettings() {}
}

package dev.agentstore.internal.security;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.NotFoundException;
import dev.agentstore.Secret;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.internal.Check;
import dev.agentstore.internal.OpenGuard;
import dev.agentstore.internal.SdkAudit;
import dev.agentstore.internal.crypto.Tokens;
import dev.agentstore.security.ApiKey;
import dev.agentstore.security.Credential;
import dev.agentstore.security.ImportedCredential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.ResetTokenDelivery;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.security.TotpEnrollment;
import dev.agentstore.spi.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The security rules of core, over a backend's {@link dev.agentstore.spi.SecurityStore}. */
public final class PolicySecurityRepository implements SecurityRepository {
    private final OpenGuard open;
    private final SecurityContext ctx;
    private final PasswordRules rules;
    private final PasswordLogins logins;
    private final TotpFactor totp;
    private final ApiKeys apiKeys;
    private final SecurityLog log;
    private final java.util.function.Predicate<UUID> userExists;

    public PolicySecurityRepository(
            OpenGuard open,
            String tenant,
            dev.agentstore.spi.SecurityStore store,
            dev.agentstore.security.PasswordPolicy policy,
            dev.agentstore.internal.crypto.PasswordHasher hasher,
            dev.agentstore.internal.crypto.SecretCipher cipher,
            java.time.Clock clock,
            java.util.function.Supplier<AuditLog> auditLog,
            java.util.function.Predicate<UUID> userExists,
            dev.agentstore.internal.observe.StoreMeters meters) {
        this.open = open;
        this.userExists = userExists;
        this.ctx = new SecurityContext(tenant, store, policy, hasher, cipher, clock);
        this.rules = new PasswordRules(ctx);
        this.log = new SecurityLog(ctx, new SdkAudit(auditLog));
        Lockout lockout = new Lockout(ctx, log, meters);
        this.logins = new PasswordLogins(ctx, rules, log, lockout);
        this.totp = new TotpFactor(ctx, log, lockout);
        this.apiKeys = new ApiKeys(ctx, log);
    }

    @Override
    public Credential createCredential(NewCredential request) {
        open.check();
        Check.present("credential", request);
        rules.checkNew(request.username(), request.password(), false, List.of());
        String hash = ctx.hasher().hash(rules.normalised(request.password()));
        Credential credential = fresh(request.username(), request.email(), request.userId());
        ctx.store().insertCredential(new StoredCredential(credential, hash, null, null, 0));
        log.record(SecurityEventType.CREDENTIAL_CREATED, credential.id(), "info", Map.of());
        return credential;
    }

    @Override
    public Credential importCredential(ImportedCredential request) {
        open.check();
        Check.present("credential", request);
        if (!ctx.hasher().isSupported(request.passwordHash().reveal())) {
            throw new InvalidInputException(
                    "credential.passwordHash", "must be an Argon2id PHC string or a bcrypt hash ($2a$, $2b$, $2y$)");
        }
        Credential credential = fresh(request.username(), request.email(), request.userId());
        ctx.store()
                .insertCredential(
                        new StoredCredential(credential, request.passwordHash().reveal(), null, null, 0));
        log.record(SecurityEventType.CREDENTIAL_CREATED, credential.id(), "info", Map.of("imported", true));
        return credential;
    }

    /** A new account, created and with its password set now, for the user (checked to exist) or none. */
    private Credential fresh(String username, String email, UUID userId) {
        Instant now = ctx.now();
        return new Credential(ctx.newId(), username, email, false, 0, null, now, null, now, owner(userId));
    }

    /** The user an account is created for, checked to exist; null for none. */
    private UUID owner(UUID userId) {
        if (userId != null && !userExists.test(userId)) {
            throw new NotFoundException("no user with id " + userId + " to own the account");
        }
        return userId;
    }

    @Override
    public Optional<Credential> findCredential(UUID credentialId) {
        open.check();
        return ctx.store()
                .findCredential(Check.id("credentialId", credentialId))
                .map(StoredCredential::credential);
    }

    @Override
    public Optional<Credential> findByUsername(String username) {
        open.check();
        return ctx.store()
                .findByUsername(lower(Check.name("username", username)))
                .map(StoredCredential::credential);
    }

    @Override
    public LoginResult verifyPassword(String username, Secret password, LoginContext context) {
        open.check();
        return logins.verify(
                Check.name("username", username),
                Check.present("password", password),
                Check.present("context", context));
    }

    @Override
    public void changePassword(UUID credentialId, Secret current, Secret next) {
        open.check();
        StoredCredential stored = require(credentialId);
        logins.change(stored, Check.present("current", current), Check.present("next", next));
    }

    @Override
    public Credential unlock(UUID credentialId) {
        open.check();
        Credential unlocked = ctx.store()
                .update(
                        Check.id("credentialId", credentialId),
                        c -> new StoredCredential(
                                Credentials.withFailures(c.credential(), 0, null),
                                c.passwordHash(),
                                c.totpSecret(),
                                c.pendingTotpSecret(),
                                c.lastTotpStep()))
                .orElseThrow(() -> notFound(credentialId))
                .credential();
        log.record(SecurityEventType.ACCOUNT_UNLOCKED, credentialId, "info", Map.of());
        return unlocked;
    }

    /**
     * One atomic store call issues the token if the email is known and costs the same if not; the event is written
     * either way, and a known account's token is handed to {@code delivery} on a thread of its own after this
     * returns, so neither the answer nor its time says whether the account exists.
     */
    @Override
    public void requestPasswordReset(String email, ResetTokenDelivery delivery) {
        open.check();
        Check.present("delivery", delivery);
        String emailLower = lower(Check.name("email", email));
        Secret token = Tokens.randomToken();
        Optional<StoredCredential> account = ctx.store()
                .issueResetToken(
                        emailLower,
                        Tokens.sha256Hex(token.reveal()),
                        ctx.now().plus(ctx.policy().resetTokenTtl()));
        UUID credentialId = account.map(a -> a.credential().id()).orElse(null);
        log.record(
                SecurityEventType.PASSWORD_RESET_REQUESTED,
                credentialId,
                "info",
                Map.of("account", account.isPresent() ? "known" : "unknown"));
        account.ifPresent(a -> ResetDeliveries.later(a.credential(), token, delivery));
    }

    /**
     * Checks everything before the token is spent: its shape, that it is live, and the new password against the
     * policy and the account's recent passwords. Only then is the token redeemed (atomically: of two concurrent
     * resets one wins) and the password set, so a refused password leaves the token usable.
     */
    @Override
    public void resetPassword(Secret token, Secret newPassword) {
        open.check();
        Check.present("token", token);
        Check.present("newPassword", newPassword);
        if (!Tokens.isWellFormedToken(token.reveal())) {
            throw new InvalidInputException("token", "is not a reset token");
        }
        String hash = Tokens.sha256Hex(token.reveal());
        StoredCredential stored = ctx.store()
                .findResetToken(hash, ctx.now())
                .flatMap(ctx.store()::findCredential)
                .orElseThrow(PolicySecurityRepository::invalidResetToken);
        logins.checkNew(stored, newPassword);
        ctx.store()
                .redeemResetToken(hash, ctx.now())
                .filter(stored.credential().id()::equals)
                .orElseThrow(PolicySecurityRepository::invalidResetToken);
        logins.storePassword(stored, newPassword);
        log.record(
                SecurityEventType.PASSWORD_RESET_COMPLETED, stored.credential().id(), "info", Map.of());
        unlock(stored.credential().id());
    }

    private static InvalidCredentialsException invalidResetToken() {
        return new InvalidCredentialsException("the reset token is invalid, expired or used");
    }

    @Override
    public TotpEnrollment enrollTotp(UUID credentialId) {
        open.check();
        return totp.enroll(require(credentialId));
    }

    @Override
    public boolean confirmTotp(UUID credentialId, String code) {
        open.check();
        return totp.confirm(require(credentialId), Check.present("code", code));
    }

    @Override
    public boolean verifyTotp(UUID credentialId, String code) {
        open.check();
        return totp.verify(require(credentialId), Check.present("code", code));
    }

    @Override
    public void disableTotp(UUID credentialId) {
        open.check();
        totp.disable(require(credentialId));
    }

    @Override
    public IssuedApiKey createApiKey(NewApiKey key) {
        open.check();
        return apiKeys.create(Check.present("key", key));
    }

    @Override
    public Optional<ApiKey> verifyApiKey(Secret rawKey) {
        open.check();
        return apiKeys.verify(Check.present("rawKey", rawKey));
    }

    @Override
    public boolean revokeApiKey(UUID keyId) {
        open.check();
        return apiKeys.revoke(Check.id("keyId", keyId));
    }

    @Override
    public List<ApiKey> listApiKeys(UUID ownerId) {
        open.check();
        return ctx.store().apiKeysOf(Check.id("ownerId", ownerId));
    }

    @Override
    public List<LoginAttempt> loginAttempts(String username, Instant since, int limit) {
        open.check();
        return ctx.store()
                .loginAttempts(
                        lower(Check.name("username", username)),
                        Check.time("since", since),
                        Check.range("limit", limit, 1, 1_000));
    }

    @Override
    public SecurityEvent recordEvent(
            SecurityEventType type, UUID credentialId, String severity, Map<String, ?> details) {
        open.check();
        Check.present("type", type);
        Check.name("severity", severity);
        return log.recordForApp(type, credentialId, severity, details == null ? Map.of() : details);
    }

    @Override
    public List<SecurityEvent> events(SecurityEventType type, Instant since, int limit) {
        open.check();
        return ctx.store().events(type, Check.time("since", since), Check.range("limit", limit, 1, 1_000));
    }

    private StoredCredential require(UUID credentialId) {
        return ctx.store()
                .findCredential(Check.id("credentialId", credentialId))
                .orElseThrow(() -> notFound(credentialId));
    }

    static NotFoundException notFound(UUID credentialId) {
        return new NotFoundException("no credential with id " + credentialId);
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    static ConflictException taken(String what) {
        return new ConflictException("the " + what + " is already taken");
    }
}

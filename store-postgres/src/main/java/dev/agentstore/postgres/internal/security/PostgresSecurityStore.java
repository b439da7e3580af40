package dev.agentstore.postgres.internal.security;

import static dev.agentstore.postgres.internal.security.jooq.Tables.CREDENTIALS;

import dev.agentstore.postgres.spi.TenantSql;
import dev.agentstore.security.ApiKey;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.spi.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The security storage of one tenant in the security schema, under row-level security. */
public final class PostgresSecurityStore implements SecurityStore {
    private final CredentialRows credentials;
    private final ApiKeyRows apiKeys;
    private final AuditRows audit;
    private final AccountErasure erasure;

    /** The store of {@code sql}'s tenant; {@code sql} renders the security schema. */
    public PostgresSecurityStore(TenantSql sql) {
        this.credentials = new CredentialRows(sql);
        this.apiKeys = new ApiKeyRows(sql);
        this.audit = new AuditRows(sql);
        this.erasure = new AccountErasure(sql);
    }

    @Override
    public int eraseAccountsOf(UUID userId) {
        return erasure.eraseAccountsOf(userId);
    }

    @Override
    public void insertCredential(StoredCredential credential) {
        credentials.insert(credential);
    }

    @Override
    public Optional<StoredCredential> findCredential(UUID id) {
        return credentials.find(CREDENTIALS.ID.eq(id));
    }

    @Override
    public Optional<StoredCredential> findByUsername(String usernameLower) {
        return credentials.find(CREDENTIALS.USERNAME_LOWER.eq(usernameLower));
    }

    @Override
    public Optional<StoredCredential> update(UUID id, UnaryOperator<StoredCredential> change) {
        return credentials.update(CREDENTIALS.ID.eq(id), change);
    }

    @Override
    public Optional<StoredCredential> updateByUsername(String usernameLower, UnaryOperator<StoredCredential> change) {
        return credentials.update(CREDENTIALS.USERNAME_LOWER.eq(usernameLower), change);
    }

    @Override
    public void setPassword(UUID id, String passwordHash, Instant changedAt) {
        credentials.setPassword(id, passwordHash, changedAt);
    }

    @Override
    public List<String> passwordHistory(UUID id, int limit) {
        return credentials.passwordHistory(id, limit);
    }

    @Override
    public Optional<StoredCredential> issueResetToken(String emailLower, String tokenHash, Instant expiresAt) {
        return credentials.issueResetToken(emailLower, tokenHash, expiresAt);
    }

    @Override
    public Optional<UUID> findResetToken(String tokenHash, Instant now) {
        return credentials.findResetToken(tokenHash, now);
    }

    @Override
    public Optional<UUID> redeemResetToken(String tokenHash, Instant now) {
        return credentials.redeemResetToken(tokenHash, now);
    }

    @Override
    public void insertApiKey(ApiKey key, String keyHash) {
        apiKeys.insert(key, keyHash);
    }

    @Override
    public Optional<ApiKey> findApiKeyByHash(String keyHash) {
        return apiKeys.findByHash(keyHash);
    }

    @Override
    public Optional<ApiKey> updateApiKey(UUID id, UnaryOperator<ApiKey> change) {
        return apiKeys.update(id, change);
    }

    @Override
    public List<ApiKey> apiKeysOf(UUID ownerId) {
        return apiKeys.ofOwner(ownerId);
    }

    @Override
    public void insertLoginAttempt(LoginAttempt attempt) {
        audit.insertAttempt(attempt);
    }

    @Override
    public List<LoginAttempt> loginAttempts(String usernameLower, Instant since, int limit) {
        return audit.attempts(usernameLower, since, limit);
    }

    @Override
    public void insertEvent(SecurityEvent event) {
        audit.insertEvent(event);
    }

    @Override
    public List<SecurityEvent> events(SecurityEventType type, Instant since, int limit) {
        return audit.events(type, since, limit);
    }
}

package dev.agentstore.memory;

import dev.agentstore.ConflictException;
import dev.agentstore.security.ApiKey;
import dev.agentstore.security.Credential;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.spi.SecurityStore;
import dev.agentstore.spi.StoredCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Security storage of one tenant in memory; every method holds the store's lock, which makes each atomic. */
final class InMemorySecurityStore implements SecurityStore {
    private final Map<UUID, StoredCredential> credentials = new LinkedHashMap<>();
    private final Map<UUID, List<String>> history = new HashMap<>();
    private final Map<String, ResetToken> resetTokens = new HashMap<>();
    private final Map<UUID, ApiKey> apiKeys = new LinkedHashMap<>();
    private final Map<String, UUID> apiKeysByHash = new HashMap<>();
    private final List<LoginAttempt> attempts = new ArrayList<>();
    private final List<SecurityEvent> events = new ArrayList<>();

    private record ResetToken(UUID credentialId, Instant expiresAt) {}

    @Override
    public synchronized void insertCredential(StoredCredential stored) {
        Credential c = stored.credential();
        if (findByUsername(lower(c.username())).isPresent()) {
            throw new ConflictException("the username is already taken");
        }
        if (findByEmail(lower(c.email())).isPresent()) {
            throw new ConflictException("the email is already taken");
        }
        credentials.put(c.id(), stored);
        history.put(c.id(), new ArrayList<>(List.of(stored.passwordHash())));
    }

    @Override
    public synchronized Optional<StoredCredential> findCredential(UUID id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public synchronized Optional<StoredCredential> findByUsername(String usernameLower) {
        return credentials.values().stream()
                .filter(c -> lower(c.credential().username()).equals(usernameLower))
                .findFirst();
    }

    private Optional<StoredCredential> findByEmail(String emailLower) {
        return credentials.values().stream()
                .filter(c -> lower(c.credential().email()).equals(emailLower))
                .findFirst();
    }

    @Override
    public synchronized Optional<StoredCredential> update(UUID id, UnaryOperator<StoredCredential> change) {
        return Optional.ofNullable(credentials.computeIfPresent(id, (k, current) -> change.apply(current)));
    }

    @Override
    public synchronized Optional<StoredCredential> updateByUsername(
            String usernameLower, UnaryOperator<StoredCredential> change) {
        return findByUsername(usernameLower)
                .flatMap(found -> update(found.credential().id(), change));
    }

    @Override
    public synchronized int eraseAccountsOf(UUID userId) {
        List<StoredCredential> owned = credentials.values().stream()
                .filter(c -> userId.equals(c.credential().userId()))
                .toList();
        for (StoredCredential stored : owned) {
            UUID id = stored.credential().id();
            String username = lower(stored.credential().username());
            credentials.remove(id);
            history.remove(id);
            resetTokens.values().removeIf(token -> token.credentialId().equals(id));
            apiKeys.values()
                    .removeIf(key -> key.ownerId().equals(id) || key.ownerId().equals(userId));
            apiKeysByHash.values().removeIf(key -> !apiKeys.containsKey(key));
            attempts.removeIf(
                    a -> id.equals(a.credentialId()) || lower(a.username()).equals(username));
            events.replaceAll(e -> id.equals(e.credentialId())
                    ? new SecurityEvent(e.id(), e.type(), null, e.severity(), Map.of(), e.occurredAt())
                    : e);
        }
        return owned.size();
    }

    @Override
    public synchronized void setPassword(UUID id, String passwordHash, Instant changedAt) {
        Optional<StoredCredential> changed = update(id, c -> {
            Credential p = c.credential();
            Credential withChange = new Credential(
                    p.id(),
                    p.username(),
                    p.email(),
                    p.totpEnabled(),
                    p.failedAttempts(),
                    p.lockedUntil(),
                    changedAt,
                    p.lastLoginAt(),
                    p.createdAt(),
                    p.userId());
            return new StoredCredential(
                    withChange, passwordHash, c.totpSecret(), c.pendingTotpSecret(), c.lastTotpStep());
        });
        if (changed.isPresent()) {
            history.computeIfAbsent(id, k -> new ArrayList<>()).add(passwordHash);
            resetTokens.values().removeIf(token -> token.credentialId().equals(id));
        }
    }

    @Override
    public synchronized List<String> passwordHistory(UUID id, int limit) {
        List<String> all = history.getOrDefault(id, List.of());
        List<String> newest = new ArrayList<>(all.subList(Math.max(0, all.size() - limit), all.size()));
        java.util.Collections.reverse(newest);
        return newest;
    }

    @Override
    public synchronized Optional<StoredCredential> issueResetToken(
            String emailLower, String tokenHash, Instant expiresAt) {
        Optional<StoredCredential> account = findByEmail(emailLower);
        account.ifPresent(
                a -> resetTokens.put(tokenHash, new ResetToken(a.credential().id(), expiresAt)));
        return account;
    }

    @Override
    public synchronized Optional<UUID> findResetToken(String tokenHash, Instant now) {
        ResetToken token = resetTokens.get(tokenHash);
        return token != null && now.isBefore(token.expiresAt()) ? Optional.of(token.credentialId()) : Optional.empty();
    }

    @Override
    public synchronized Optional<UUID> redeemResetToken(String tokenHash, Instant now) {
        ResetToken token = resetTokens.remove(tokenHash);
        return token != null && now.isBefore(token.expiresAt()) ? Optional.of(token.credentialId()) : Optional.empty();
    }

    @Override
    public synchronized void insertApiKey(ApiKey key, String keyHash) {
        apiKeys.put(key.id(), key);
        apiKeysByHash.put(keyHash, key.id());
    }

    @Override
    public synchronized Optional<ApiKey> findApiKeyByHash(String keyHash) {
        return Optional.ofNullable(apiKeysByHash.get(keyHash)).map(apiKeys::get);
    }

    @Override
    public synchronized Optional<ApiKey> updateApiKey(UUID id, UnaryOperator<ApiKey> change) {
        return Optional.ofNullable(apiKeys.computeIfPresent(id, (k, current) -> change.apply(current)));
    }

    @Override
    public synchronized List<ApiKey> apiKeysOf(UUID ownerId) {
        return apiKeys.values().stream()
                .filter(k -> k.ownerId().equals(ownerId))
                .sorted(Comparator.comparing(ApiKey::id).reversed())
                .toList();
    }

    @Override
    public synchronized void insertLoginAttempt(LoginAttempt attempt) {
        attempts.add(attempt);
    }

    @Override
    public synchronized List<LoginAttempt> loginAttempts(String usernameLower, Instant since, int limit) {
        return attempts.stream()
                .filter(a -> lower(a.username()).equals(usernameLower)
                        && !a.attemptedAt().isBefore(since))
                .sorted(Comparator.comparing(LoginAttempt::id).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void insertEvent(SecurityEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<SecurityEvent> events(SecurityEventType type, Instant since, int limit) {
        return events.stream()
                .filter(e ->
                        (type == null || e.type() == type) && !e.occurredAt().isBefore(since))
                .sorted(Comparator.comparing(SecurityEvent::id).reversed())
                .limit(limit)
                .toList();
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

package dev.agentstore.internal.security;

import dev.agentstore.Secret;
import dev.agentstore.internal.crypto.Tokens;
import dev.agentstore.security.ApiKey;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.SecurityEventType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** API keys: prefixed, checksummed, stored as SHA-256 hashes, with expiry, revocation and last use. */
final class ApiKeys {
    private final SecurityContext ctx;
    private final SecurityLog log;

    ApiKeys(SecurityContext ctx, SecurityLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    IssuedApiKey create(NewApiKey request) {
        Secret raw = Tokens.newApiKey();
        ApiKey key = new ApiKey(
                ctx.newId(),
                request.ownerId(),
                request.name(),
                Tokens.displayPrefix(raw.reveal()),
                request.scopes(),
                request.expiresAt(),
                null,
                null,
                ctx.now());
        ctx.store().insertApiKey(key, Tokens.sha256Hex(raw.reveal()));
        log.record(
                SecurityEventType.API_KEY_CREATED,
                request.ownerId(),
                "info",
                Map.of("keyId", key.id().toString()));
        return new IssuedApiKey(key, raw);
    }

    Optional<ApiKey> verify(Secret raw) {
        if (!Tokens.isWellFormedApiKey(raw.reveal())) {
            return Optional.empty(); // no lookup and no log write for what cannot be a key
        }
        Instant now = ctx.now();
        Optional<ApiKey> used = ctx.store()
                .findApiKeyByHash(Tokens.sha256Hex(raw.reveal()))
                .flatMap(
                        found -> ctx.store().updateApiKey(found.id(), k -> k.usableAt(now) ? k.withLastUsedAt(now) : k))
                .filter(key -> key.usableAt(now));
        if (used.isEmpty()) {
            log.record(SecurityEventType.API_KEY_REJECTED, null, "warning", Map.of());
        }
        return used;
    }

    boolean revoke(UUID keyId) {
        Instant now = ctx.now();
        Optional<ApiKey> revoked =
                ctx.store().updateApiKey(keyId, k -> k.revokedAt() != null ? k : k.withRevokedAt(now));
        revoked.ifPresent(k ->
                log.record(SecurityEventType.API_KEY_REVOKED, k.ownerId(), "info", Map.of("keyId", k.id().toString())));
        return revoked.isPresent();
    }
}

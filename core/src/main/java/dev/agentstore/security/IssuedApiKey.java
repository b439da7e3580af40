package dev.agentstore.security;

import dev.agentstore.Secret;

/**
 * A newly created API key: the raw key is available only here, once.
 *
 * @param key the stored description
 * @param rawKey the key to hand to the client
 */
public record IssuedApiKey(ApiKey key, Secret rawKey) {}

/**
 * Credentials and their protection: Argon2id password hashes, lockout, password history, reset tokens,
 * TOTP second factor, API keys, login attempts and security events.
 *
 * <p>The rules (hashing parameters, lockout, token formats, encryption of TOTP secrets) live in core and
 * behave the same on every backend; backends store only hashes and ciphertexts. Raw passwords, tokens and
 * keys travel as {@link dev.agentstore.Secret}, whose {@code toString()} is masked.
 *
 * <p>Null rule: arguments are non-null unless a component says "or null"; lookups return
 * {@link java.util.Optional}; collections come back empty, never null.
 */
package dev.agentstore.security;

package dev.agentstore.security;

import dev.agentstore.Secret;

/**
 * A TOTP secret to show the user once (as a QR code of {@link #otpauthUri()}), pending confirmation with
 * {@link SecurityRepository#confirmTotp}.
 *
 * @param secret the Base32 secret (at least 160 bits)
 * @param otpauthUri the {@code otpauth://totp/...} URI authenticator apps read; secret-bearing, hence masked
 */
public record TotpEnrollment(Secret secret, Secret otpauthUri) {}

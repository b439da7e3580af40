package dev.agentstore.examples;

import dev.agentstore.AgentStore;
import dev.agentstore.InvalidInputException;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.security.ApiKey;
import dev.agentstore.security.Credential;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityEvent;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.security.TotpEnrollment;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An account's life: registering (the password policy refusing a weak password), logging in, switching on TOTP
 * with an authenticator app, being locked out after repeated wrong passwords and unlocked by an administrator,
 * and an API key for a script, verified and revoked. Passwords, TOTP secrets and raw keys are {@link Secret}s:
 * they never appear in output, logs or exception messages, and are stored only as Argon2id hashes (passwords),
 * sealed (TOTP secrets) or SHA-256 digests (API keys). Run it with the command in the README; it uses the
 * in-memory backend unless {@code AGENTSTORE_POSTGRES_URL} points at a database.
 */
public final class Security {
    private static final LoginContext FROM_LAPTOP = new LoginContext("203.0.113.7", "Firefox/140");

    private final SecurityRepository security;
    private final PrintStream out;

    private Security(SecurityRepository security, PrintStream out) {
        this.security = security;
        this.out = out;
    }

    /** Opens the store from the environment and runs the example on it. */
    public static void main(String[] args) {
        try (AgentStore store = AgentStore.open(StoreConfig.fromEnvironment())) {
            run(store, System.out);
        }
    }

    /** Runs the example on an open store, printing each step. */
    public static void run(AgentStore store, PrintStream out) {
        new Security(store.security(), out)
                .accountLife("maria-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private void accountLife(String username) {
        Secret password = Secret.of("a long passphrase about fjords and ferries");
        Credential maria = register(username, password);
        login(username, password);
        enrollTotp(maria, username, password);
        lockout(maria, username, password);
        apiKey(maria);
        List<SecurityEvent> events = security.events(null, Instant.now().minus(Duration.ofHours(1)), 100).stream()
                .filter(e -> maria.id().equals(e.credentialId()))
                .toList();
        out.printf(
                "security log for %s: %s%n",
                username, events.stream().map(e -> e.type().name()).sorted().collect(Collectors.joining(", ")));
    }

    private Credential register(String username, Secret password) {
        try {
            security.createCredential(new NewCredential(username, username + "@example.com", Secret.of("fjord123")));
        } catch (InvalidInputException e) {
            out.printf("register with a short password: refused (%s)%n", e.getMessage());
        }
        Credential maria = security.createCredential(new NewCredential(username, username + "@example.com", password));
        out.printf("register with a long passphrase: account created, TOTP on=%s%n", maria.totpEnabled());
        return maria;
    }

    private void login(String username, Secret password) {
        LoginResult right = security.verifyPassword(username, password, FROM_LAPTOP);
        LoginResult wrong = security.verifyPassword(username, Secret.of("a long passphrase about lakes"), FROM_LAPTOP);
        LoginResult nobody = security.verifyPassword("nobody-" + username, password, FROM_LAPTOP);
        out.printf(
                "log in: right password -> %s, wrong password -> %s, unknown user -> %s%n",
                right.status(), wrong.status(), nobody.status());
    }

    /** Enrols TOTP, confirms it with the app's first code, and logs in with password plus a later code. */
    private void enrollTotp(Credential maria, String username, Secret password) {
        TotpEnrollment enrollment = security.enrollTotp(maria.id());
        // the application shows enrollment.otpauthUri() as a QR code; the user scans it
        AuthenticatorApp phone = AuthenticatorApp.scan(enrollment.otpauthUri().reveal());
        String firstCode = phone.codeAt(Instant.now());
        boolean confirmed = security.confirmTotp(maria.id(), firstCode);
        LoginResult login = security.verifyPassword(username, password, FROM_LAPTOP);
        // each code works once; the next 30-second step's code is accepted early (clocks drift)
        boolean replay = security.verifyTotp(maria.id(), firstCode);
        boolean fresh =
                security.verifyTotp(maria.id(), phone.codeAt(Instant.now().plusSeconds(30)));
        out.printf(
                "TOTP: confirmed=%s; password now gives %s; the used code again -> %s, the next code -> %s%n",
                confirmed, login.status(), replay, fresh);
    }

    /**
     * Wrong passwords until the account locks; then even the right one is refused, with the same answer as a wrong
     * one (the login form learns nothing), until the lock expires or an administrator unlocks.
     */
    private void lockout(Credential maria, String username, Secret password) {
        int failures = 0;
        while (security.findCredential(maria.id()).orElseThrow().lockedUntil() == null) {
            security.verifyPassword(username, Secret.of("guessing attempt number " + failures), FROM_LAPTOP);
            failures++;
        }
        LoginResult evenRight = security.verifyPassword(username, password, FROM_LAPTOP);
        Instant lockedUntil = security.findCredential(maria.id()).orElseThrow().lockedUntil();
        out.printf(
                "lockout: locked after %d wrong passwords in a row; the right one is refused too (%s, like a wrong"
                        + " one); the administrator sees the lock, for up to %d min%n",
                failures,
                evenRight.status(),
                Duration.between(Instant.now(), lockedUntil).toMinutes() + 1);
        security.unlock(maria.id());
        LoginResult unlocked = security.verifyPassword(username, password, FROM_LAPTOP);
        out.printf("unlocked by an administrator: password -> %s%n", unlocked.status());
    }

    private void apiKey(Credential maria) {
        IssuedApiKey issued = security.createApiKey(new NewApiKey(
                maria.id(),
                "nightly-export",
                Set.of("conversations:read"),
                Instant.now().plus(Duration.ofDays(90))));
        // issued.rawKey() is shown to the user once; agentstore keeps only its digest and its prefix
        Optional<ApiKey> verified = security.verifyApiKey(issued.rawKey());
        security.revokeApiKey(issued.key().id());
        boolean afterRevoke = security.verifyApiKey(issued.rawKey()).isPresent();
        out.printf(
                "API key %s...: verifies with scopes %s; after revoking verifies=%s%n",
                issued.key().prefix(), verified.orElseThrow().scopes(), afterRevoke);
    }
}

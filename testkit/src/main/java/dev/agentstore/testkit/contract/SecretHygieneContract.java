package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.security.Credential;
import dev.agentstore.security.ImportedCredential;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.security.TotpEnrollment;
import dev.agentstore.spi.StoredCredential;
import dev.agentstore.testkit.fixture.TotpAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

/**
 * No password, reset token, API key or TOTP secret leaks, raw or stored: a whole security session (opening a store,
 * sign-up, an imported account, failed logins up to a lock, unlock, password change, reset, TOTP, API keys, refused
 * inputs) runs while everything written is captured at every log level ({@link OutputCapture}: standard output and
 * error, every java.util.logging record with its parameters, SLF4J routed there); then the capture, every exception
 * message and the {@code toString()} of every result, configuration and stored record are searched for each raw
 * secret, for the SHA-256 digests and hashes that are stored instead, for the stored values the backend reports
 * ({@link #storedSecrets}), and for anything shaped like an Argon2, bcrypt or sealed value.
 */
public abstract class SecretHygieneContract extends StoreContract {
    /** Shapes of stored secrets: Argon2id PHC strings, bcrypt hashes, AES-GCM sealed values ({@code id:base64}). */
    private static final List<Pattern> STORED_SHAPES = List.of(
            Pattern.compile("\\$argon2id\\$"),
            Pattern.compile("\\$2[aby]\\$\\d\\d\\$"),
            Pattern.compile("[A-Za-z0-9_-]+:[A-Za-z0-9+/]{60,}={0,2}"));

    private final List<String> seen = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    /**
     * The secret values {@code tenant}'s session left in the backend's storage (password hashes, sealed TOTP
     * secrets, token and key digests), read after the session; none of them may have been printed either. Empty by
     * default.
     */
    protected List<String> storedSecrets(String tenant) {
        return List.of();
    }

    @Test
    void should_keep_every_secret_out_of_logs_messages_and_to_string() {
        String tenant = "t-" + UUID.randomUUID();
        String captured = OutputCapture.of(() -> {
            AgentStore root = openStore(clock);
            try {
                runSession(root.forTenant(tenant).security());
            } finally {
                root.close();
            }
            printConfigurationsAndRecords();
        });
        secrets.addAll(storedSecrets(tenant));
        String everything = captured + "\n" + String.join("\n", seen);
        assertThat(secrets)
                .hasSizeGreaterThanOrEqualTo(16)
                .allSatisfy(secret -> assertThat(secret.length()).isGreaterThanOrEqualTo(12));
        for (String secret : secrets) {
            assertThat(everything).as("output and messages mention a secret").doesNotContain(secret);
        }
        for (Pattern shape : STORED_SHAPES) {
            assertThat(shape.matcher(everything).find())
                    .as("output and messages hold something shaped like a stored secret: %s", shape)
                    .isFalse();
        }
    }

    private void runSession(SecurityRepository security) {
        String first = "first secret password 1";
        String second = "second secret password 2";
        String third = "third secret password 3";
        secrets.addAll(List.of(first, second, third));
        Credential ann = note(security.createCredential(new NewCredential("ann", "ann@example.com", Secret.of(first))));
        String blocked = "qwertyuiopasdfgh"; // on the built-in blocklist
        secrets.add(blocked);
        attempt(() -> security.createCredential(new NewCredential("ann2", "a2@example.com", Secret.of(blocked))));
        String importedPassword = "imported secret password 4";
        String importedHash = bcrypt(importedPassword);
        secrets.addAll(List.of(importedPassword, importedHash));
        note(security.importCredential(new ImportedCredential("imp", "imp@example.com", Secret.of(importedHash))));
        note(security.verifyPassword("imp", Secret.of(importedPassword), LoginContext.unknown()));
        for (int i = 0; i < 11; i++) {
            String wrong = "wrong secret password " + i;
            secrets.add(wrong);
            note(security.verifyPassword("ann", Secret.of(wrong), LoginContext.unknown()));
        }
        note(security.verifyPassword("ann", Secret.of(first), LoginContext.unknown()));
        note(security.unlock(ann.id()));
        note(security.verifyPassword("ann", Secret.of(first), LoginContext.unknown()));
        attempt(() -> security.changePassword(ann.id(), Secret.of(second), Secret.of(third)));
        security.changePassword(ann.id(), Secret.of(first), Secret.of(second));
        attempt(() -> security.changePassword(ann.id(), Secret.of(second), Secret.of(first)));

        CompletableFuture<Secret> delivered = new CompletableFuture<>();
        security.requestPasswordReset("ann@example.com", (account, t) -> delivered.complete(t));
        Secret token = delivered.orTimeout(10, TimeUnit.SECONDS).join();
        secrets.addAll(List.of(token.reveal(), sha256(token.reveal())));
        note(token);
        security.resetPassword(token, Secret.of(third));
        attempt(() -> security.resetPassword(token, Secret.of(first)));

        TotpEnrollment enrollment = note(security.enrollTotp(ann.id()));
        secrets.add(enrollment.secret().reveal());
        secrets.add(enrollment.otpauthUri().reveal());
        TotpAuthenticator key = TotpAuthenticator.of(enrollment.secret().reveal());
        security.confirmTotp(ann.id(), key.codeAt(clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        security.verifyTotp(ann.id(), key.codeAt(clock.instant()));
        attempt(() -> security.verifyTotp(ann.id(), "12345x"));

        IssuedApiKey issued = note(security.createApiKey(new NewApiKey(ann.id(), "ci", Set.of("read"), null)));
        String raw = issued.rawKey().reveal();
        String tampered = raw.substring(0, raw.length() - 1) + (raw.endsWith("a") ? "b" : "a");
        secrets.addAll(List.of(raw, sha256(raw), tampered));
        note(security.verifyApiKey(issued.rawKey()));
        note(security.verifyApiKey(Secret.of(tampered)));
        security.revokeApiKey(issued.key().id());
        note(security.verifyApiKey(issued.rawKey()));
        note(security.events(null, Instant.EPOCH, 1_000));
        note(security.loginAttempts("ann", Instant.EPOCH, 1_000));
    }

    /**
     * Prints configurations whose values hold passwords in every form a user writes them (a password-only Redis
     * URL, passwords holding {@code @}, {@code /} and {@code :}, cluster seed lists, JDBC query parameters), and the
     * stored shape of a credential.
     */
    private void printConfigurationsAndRecords() {
        String dbPassword = "config-password-" + UUID.randomUUID();
        String urlPassword = "url-password-" + UUID.randomUUID();
        String redisOnly = "redis-password-only-" + UUID.randomUUID();
        String redisOdd = "p@ss/w:rd-" + UUID.randomUUID();
        byte[] aesKey = new byte[32];
        new SecureRandom().nextBytes(aesKey);
        String encryptionKey = Base64.getEncoder().encodeToString(aesKey);
        secrets.addAll(List.of(dbPassword, urlPassword, redisOnly, redisOdd, encryptionKey));
        StoreConfig config = StoreConfig.builder()
                .set("postgres.url", "jdbc:postgresql://db.internal/app?user=app&password=" + urlPassword)
                .set("postgres.password", dbPassword)
                .set("postgres.migration-password", dbPassword)
                .set("postgres.ingest-password", dbPassword)
                .set(
                        "redis.url",
                        "redis://:" + redisOnly + "@cache-a:6379,rediss://app:" + redisOdd + "@cache-b:6380/0")
                .set("redis.cluster", "true")
                .set("encryption.key.k1", encryptionKey)
                .build();
        note(config);
        note(config.toBuilder());
        note(StoreConfig.fromMap(config.properties()));
        String hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + "h".repeat(43);
        String sealed = "k1:" + Base64.getEncoder().encodeToString(new byte[48]);
        secrets.addAll(List.of(hash, sealed));
        Instant now = clock.instant();
        note(new StoredCredential(
                new Credential(UUID.randomUUID(), "zoe", "zoe@example.com", true, 0, null, now, null, now, null),
                hash,
                sealed,
                sealed,
                7));
    }

    private <T> T note(T result) {
        seen.add(String.valueOf(result));
        return result;
    }

    private void attempt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.add(t.toString());
            }
        }
    }

    private static String bcrypt(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, 4);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

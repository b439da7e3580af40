package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.Secret;
import dev.agentstore.internal.crypto.Base32;
import dev.agentstore.internal.crypto.Totp;
import dev.agentstore.security.Credential;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginContext;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;
import dev.agentstore.security.TotpEnrollment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No password, reset token, API key or TOTP secret leaks: a whole security session (sign-up, failed logins up to
 * a lock, unlock, password change, reset, TOTP, API keys, refused inputs) runs while everything written to
 * standard output, standard error (where SLF4J's simple logger writes) and java.util.logging is captured; then
 * the capture, every exception message and the {@code toString()} of every result are searched for each secret.
 */
public abstract class SecretHygieneContract extends StoreContract {
    private final List<String> seen = new ArrayList<>();

    @Test
    void should_keep_every_secret_out_of_logs_messages_and_to_string() {
        List<String> secrets = new ArrayList<>();
        String captured = capturingOutput(() -> runSession(store.security(), secrets));
        String everything = captured + "\n" + String.join("\n", seen);
        assertThat(secrets)
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(secret -> assertThat(secret.length()).isGreaterThanOrEqualTo(12));
        for (String secret : secrets) {
            assertThat(everything).as("output and messages mention a secret").doesNotContain(secret);
        }
    }

    private void runSession(SecurityRepository security, List<String> secrets) {
        String first = "first secret password 1";
        String second = "second secret password 2";
        String third = "third secret password 3";
        secrets.addAll(List.of(first, second, third));
        Credential ann = note(security.createCredential(new NewCredential("ann", "ann@example.com", Secret.of(first))));
        String blocked = "qwertyuiopasdfgh"; // on the built-in blocklist
        secrets.add(blocked);
        attempt(() -> security.createCredential(new NewCredential("ann2", "a2@example.com", Secret.of(blocked))));
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
        secrets.add(token.reveal());
        note(token);
        security.resetPassword(token, Secret.of(third));
        attempt(() -> security.resetPassword(token, Secret.of(first)));

        TotpEnrollment enrollment = note(security.enrollTotp(ann.id()));
        secrets.add(enrollment.secret().reveal());
        byte[] key = Base32.decode(enrollment.secret().reveal());
        security.confirmTotp(ann.id(), Totp.code(key, Totp.step(clock.instant())));
        clock.advance(Duration.ofSeconds(30));
        security.verifyTotp(ann.id(), Totp.code(key, Totp.step(clock.instant())));
        attempt(() -> security.verifyTotp(ann.id(), "12345x"));

        IssuedApiKey issued = note(security.createApiKey(new NewApiKey(ann.id(), "ci", Set.of("read"), null)));
        String raw = issued.rawKey().reveal();
        secrets.add(raw);
        String tampered = raw.substring(0, raw.length() - 1) + (raw.endsWith("a") ? "b" : "a");
        secrets.add(tampered);
        note(security.verifyApiKey(issued.rawKey()));
        note(security.verifyApiKey(Secret.of(tampered)));
        security.revokeApiKey(issued.key().id());
        note(security.verifyApiKey(issued.rawKey()));
        note(security.events(null, Instant.EPOCH, 1_000));
        note(security.loginAttempts("ann", Instant.EPOCH, 1_000));
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

    private static String capturingOutput(Runnable work) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        Logger root = Logger.getLogger("");
        StringBuilder julLines = new StringBuilder();
        Handler jul = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (julLines) {
                    julLines.append(record.getMessage())
                            .append(' ')
                            .append(record.getThrown())
                            .append('\n');
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        root.addHandler(jul);
        System.setOut(capture);
        System.setErr(capture);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(jul);
        }
        synchronized (julLines) {
            return bytes.toString(StandardCharsets.UTF_8) + julLines;
        }
    }
}

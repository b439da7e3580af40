package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.ImportedCredential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewCredential;
import dev.agentstore.testkit.fixture.TotpAuthenticator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

/**
 * The security rules tried as an attacker would: guessing TOTP codes with a stolen password, guessing passwords in
 * parallel to outrun the lockout, telling accounts apart by answer or time, reusing reset tokens after a reset, and
 * racing a login's rehash against a reset. Each test is a concrete attack that worked against an earlier version.
 */
public abstract class SecurityAttackContract extends SecurityContractBase {

    @Test
    void should_refuse_a_right_totp_code_after_101_wrong_ones() {
        Credential c = alice();
        TotpAuthenticator secret = enrolled(c);
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SECOND_FACTOR_REQUIRED);
        for (int i = 0; i < 101; i++) {
            assertThat(repo().verifyTotp(c.id(), wrongCode(secret))).isFalse();
        }
        assertThat(repo().verifyTotp(c.id(), code(secret)))
                .as("a right code never used")
                .isFalse();
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts())
                .as("codes are tested until the lock, like passwords, and refused untested after it")
                .isEqualTo(10);
        assertThat(login("alice", PASSWORD)).isEqualTo(LoginResult.invalid());
    }

    @Test
    void should_lock_until_unlocked_after_100_failed_checks_however_slowly_they_come() {
        Credential c = alice();
        TotpAuthenticator secret = enrolled(c);
        int checks = 0;
        while (repo().findCredential(c.id()).orElseThrow().failedAttempts() < 100) {
            waitOutTheLock(c);
            if (checks++ % 2 == 0) {
                assertThat(repo().verifyTotp(c.id(), wrongCode(secret))).isFalse();
            } else {
                assertThat(login("alice", Secret.of("a wrong password " + checks)))
                        .isEqualTo(LoginResult.invalid());
            }
        }
        assertThat(repo().findCredential(c.id()).orElseThrow().lockedUntil()).isEqualTo(Credential.UNTIL_UNLOCKED);
        clock.advance(Duration.ofDays(30));
        assertThat(login("alice", PASSWORD)).isEqualTo(LoginResult.invalid());
        assertThat(repo().verifyTotp(c.id(), code(secret))).isFalse();
        repo().unlock(c.id());
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SECOND_FACTOR_REQUIRED);
        assertThat(repo().verifyTotp(c.id(), code(secret))).isTrue();
    }

    @Test
    void should_keep_earlier_failures_and_a_pending_lock_when_only_the_password_step_succeeds() {
        Credential c = alice();
        TotpAuthenticator secret = enrolled(c);
        for (int i = 0; i < 9; i++) {
            assertThat(repo().verifyTotp(c.id(), wrongCode(secret))).isFalse();
        }
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SECOND_FACTOR_REQUIRED);
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts())
                .as("the password step neither counts nor clears")
                .isEqualTo(9);
        assertThat(repo().verifyTotp(c.id(), wrongCode(secret))).isFalse();
        assertThat(login("alice", PASSWORD)).as("locked by the tenth code").isEqualTo(LoginResult.invalid());
        assertThat(repo().verifyTotp(c.id(), code(secret)))
                .as("a locked account refuses codes")
                .isFalse();
        waitOutTheLock(c);
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SECOND_FACTOR_REQUIRED);
        assertThat(repo().verifyTotp(c.id(), code(secret))).isTrue();
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts())
                .as("a complete login clears the failures")
                .isZero();
    }

    @Test
    void should_refuse_the_right_password_arriving_while_parallel_guesses_are_still_queued() throws Exception {
        Credential c = alice();
        ExecutorService attackers = Executors.newFixedThreadPool(199);
        try {
            List<Future<LoginResult>> guesses = new ArrayList<>();
            for (int i = 0; i < 199; i++) {
                Secret guess = Secret.of("a wrong guess number " + i);
                guesses.add(attackers.submit(() -> login("alice", guess)));
            }
            Thread.sleep(200);
            LoginResult late = login("alice", PASSWORD);
            for (Future<LoginResult> guess : guesses) {
                assertThat(guess.get(2, TimeUnit.MINUTES)).isEqualTo(LoginResult.invalid());
            }
            assertThat(late).as("the right password, 200 ms behind 199 guesses").isEqualTo(LoginResult.invalid());
        } finally {
            attackers.shutdownNow();
        }
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts())
                .as("only ten of the 199 guesses were tested")
                .isEqualTo(10);
        waitOutTheLock(c);
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SUCCESS);
    }

    /**
     * 200 logins of each kind (unknown user, wrong password, over-long password, locked account), interleaved in a
     * rotating order so a noisy neighbour or a position in the loop slows all four alike: every answer is {@link
     * LoginResult#invalid()}, and the slowest kind's median time is under 1.2 times the fastest's. A comparison that
     * misses is run again, up to three in all: noise can fail one, but a real difference of 1.2x or more in the
     * medians of 200 calls does not vanish in the next.
     */
    @Test
    void should_answer_unknown_wrong_overlong_and_locked_alike_in_type_and_time() {
        Credential a = alice();
        repo().createCredential(new NewCredential("bob", "bob@example.com", PASSWORD));
        for (int i = 0; i < 10; i++) {
            login("bob", Secret.of("a wrong password " + i));
        }
        Secret overLong = Secret.of("x".repeat(4_000));
        List<Supplier<LoginResult>> kinds = List.of(
                () -> login("nobody", PASSWORD),
                () -> login("alice", Secret.of("a wrong password, clearly")),
                () -> login("alice", overLong),
                () -> login("bob", PASSWORD));
        List<String> comparisons = new ArrayList<>();
        for (int comparison = 0; comparison < 3; comparison++) {
            long[] medians = medianNanos(kinds, 200, () -> repo().unlock(a.id()));
            double ratio = (double) Arrays.stream(medians).max().orElseThrow()
                    / Arrays.stream(medians).min().orElseThrow();
            comparisons.add(String.format("%.3f from medians %s ns", ratio, Arrays.toString(medians)));
            if (ratio < 1.2) {
                return;
            }
        }
        throw new AssertionError(
                "the slowest kind's median was 1.2x the fastest's or more in every comparison: " + comparisons);
    }

    /**
     * The median time of each of {@code kinds} over {@code calls} calls, interleaved in a rotating order; {@code
     * between} runs untimed after each round of the four (here: it keeps alice unlocked, so her wrong passwords are
     * tested). Every call must answer {@link LoginResult#invalid()}.
     */
    private static long[] medianNanos(List<Supplier<LoginResult>> kinds, int calls, Runnable between) {
        long[][] nanos = new long[kinds.size()][calls];
        for (int call = 0; call < calls; call++) {
            for (int position = 0; position < kinds.size(); position++) {
                int kind = (call + position) % kinds.size();
                long start = System.nanoTime();
                LoginResult result = kinds.get(kind).get();
                nanos[kind][call] = System.nanoTime() - start;
                assertThat(result).isEqualTo(LoginResult.invalid());
            }
            between.run();
        }
        return Arrays.stream(nanos).mapToLong(SecurityAttackContract::median).toArray();
    }

    @Test
    void should_revoke_every_other_reset_token_on_a_reset_or_a_password_change() {
        Credential c = alice();
        Secret first = requestReset("alice@example.com");
        Secret second = requestReset("alice@example.com");
        Secret fresh = Secret.of("a brand new long password");
        repo().resetPassword(first, fresh);
        assertThatThrownBy(() -> repo().resetPassword(second, Secret.of("the attacker's long password")))
                .isInstanceOf(InvalidCredentialsException.class);
        Secret third = requestReset("alice@example.com");
        repo().changePassword(c.id(), fresh, Secret.of("changed by the owner, long"));
        assertThatThrownBy(() -> repo().resetPassword(third, Secret.of("the attacker's long password")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(login("alice", Secret.of("changed by the owner, long")).status())
                .isEqualTo(LoginStatus.SUCCESS);
    }

    /**
     * A login with the old password on an imported bcrypt hash verifies it, then hashes it again with Argon2id; a
     * reset running meanwhile must win: once both are done, only the new password works. Repeated, since the two
     * race for real.
     */
    @Test
    void should_never_bring_an_old_password_back_through_a_rehash_racing_a_reset() throws Exception {
        for (int trial = 0; trial < 8; trial++) {
            String name = "imported" + trial;
            Secret old = Secret.of("the old password " + trial);
            Secret fresh = Secret.of("the new password after the reset " + trial);
            repo().importCredential(new ImportedCredential(name, name + "@example.com", bcrypt(old)));
            Secret token = requestReset(name + "@example.com");
            List<Object> outcomes = Concurrently.run(2, i -> {
                if (i == 0) {
                    return login(name, old).status();
                }
                repo().resetPassword(token, fresh);
                return "reset";
            });
            assertThat(outcomes.get(0)).isIn(LoginStatus.SUCCESS, LoginStatus.INVALID_CREDENTIALS);
            assertThat(login(name, old)).as("trial %d: the old password", trial).isEqualTo(LoginResult.invalid());
            assertThat(login(name, fresh).status())
                    .as("trial %d: the new password", trial)
                    .isEqualTo(LoginStatus.SUCCESS);
        }
    }

    private static Secret bcrypt(Secret password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return Secret.of(OpenBSDBCrypt.generate("2b", password.reveal().toCharArray(), salt, 4));
    }

    /** Moves the clock past the account's lock, if it has one. */
    private void waitOutTheLock(Credential c) {
        Instant until = repo().findCredential(c.id()).orElseThrow().lockedUntil();
        if (until != null && until.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), until).plusSeconds(1));
        }
    }

    /** Enrols and confirms TOTP for {@code c}; the secret, with the clock moved past the confirming code's step. */
    private TotpAuthenticator enrolled(Credential c) {
        TotpAuthenticator secret =
                TotpAuthenticator.of(repo().enrollTotp(c.id()).secret().reveal());
        assertThat(repo().confirmTotp(c.id(), code(secret))).isTrue();
        clock.advance(Duration.ofSeconds(90));
        return secret;
    }

    private String code(TotpAuthenticator secret) {
        return secret.codeAt(clock.instant());
    }

    /** A well-formed code that matches none of the steps a check accepts now. */
    private String wrongCode(TotpAuthenticator secret) {
        long step = TotpAuthenticator.step(clock.instant());
        List<String> accepted =
                List.of(secret.codeAtStep(step - 1), secret.codeAtStep(step), secret.codeAtStep(step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", (candidate * 7919) % 1_000_000);
            if (!accepted.contains(code)) {
                return code;
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.Secret;
import dev.agentstore.security.Credential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.LoginAttempt;
import dev.agentstore.security.LoginResult;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accounts and passwords: creation, the password policy, logins (unknown users, wrong passwords and locked accounts
 * answered alike), lockout with backoff and exact parallel counting, login attempts, password changes under the
 * same lockout. The attacks on these rules have a suite of their own, {@link SecurityAttackContract}.
 */
public abstract class SecurityRepositoryContract extends SecurityContractBase {
    @Test
    void should_create_a_credential_and_log_in() {
        Credential c = alice();
        LoginResult result = login("ALICE", PASSWORD);
        assertThat(result.status()).isEqualTo(LoginStatus.SUCCESS);
        assertThat(result.credential().id()).isEqualTo(c.id());
        assertThat(result.credential().lastLoginAt()).isEqualTo(clock.instant());
        assertThat(repo().findByUsername("alice")).isPresent();
    }

    @Test
    void should_refuse_a_taken_username_or_email() {
        alice();
        assertThatThrownBy(() -> repo().createCredential(new NewCredential("Alice", "other@example.com", PASSWORD)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> repo().createCredential(new NewCredential("bob", "ALICE@example.com", PASSWORD)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void should_enforce_the_password_policy_without_echoing_the_password() {
        for (String bad : List.of("short", "qwertyuiopasdfgh")) {
            assertThatThrownBy(
                            () -> repo().createCredential(new NewCredential("alice", "a@example.com", Secret.of(bad))))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad + " "));
        }
        assertThat(repo().findByUsername("averyveryverylongname")).isEmpty();
        repo().createCredential(new NewCredential("long", "l@example.com", Secret.of("x".repeat(64) + "ü")));
    }

    @Test
    void should_treat_canonically_equivalent_passwords_as_one() {
        String composed = "caf\u00e9 au lait, sans sucre"; // é as one code point
        String decomposed = "cafe\u0301 au lait, sans sucre"; // e + combining acute accent
        repo().createCredential(new NewCredential("nfc", "nfc@example.com", Secret.of(composed)));
        assertThat(login("nfc", Secret.of(decomposed)).status()).isEqualTo(LoginStatus.SUCCESS);
        assertThat(login("nfc", Secret.of("cafe au lait, sans sucre")).status())
                .isEqualTo(LoginStatus.INVALID_CREDENTIALS);
    }

    @Test
    void should_answer_unknown_users_and_wrong_passwords_alike() {
        alice();
        LoginResult unknown = login("nobody", PASSWORD);
        LoginResult wrong = login("alice", Secret.of("wrong password, clearly"));
        assertThat(unknown).isEqualTo(wrong);
        assertThat(unknown.status()).isEqualTo(LoginStatus.INVALID_CREDENTIALS);
        assertThat(unknown.credential()).isNull();
    }

    @Test
    void should_lock_after_ten_failures_and_unlock_after_the_backoff() {
        alice();
        for (int i = 0; i < 10; i++) {
            login("alice", Secret.of("wrong-" + i));
        }
        LoginResult locked = login("alice", PASSWORD);
        assertThat(locked).as("a locked account answers like an unknown user").isEqualTo(login("nobody", PASSWORD));
        assertThat(repo().findByUsername("alice").orElseThrow().lockedAt(clock.instant()))
                .as("administrators see the lock")
                .isTrue();
        assertThat(repo().loginAttempts("alice", Instant.EPOCH, 1).get(0).status())
                .isEqualTo(LoginStatus.LOCKED);
        clock.advance(Duration.ofMinutes(16));
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SUCCESS);
        assertThat(repo().findByUsername("alice").orElseThrow().failedAttempts())
                .isZero();
        assertThat(repo().events(SecurityEventType.ACCOUNT_LOCKED, Instant.EPOCH, 10))
                .hasSize(1);
    }

    @Test
    void should_test_exactly_the_allowed_number_of_parallel_guesses() throws Exception {
        Credential c = alice();
        List<LoginResult> results = Concurrently.run(50, i -> login("alice", Secret.of("wrong-" + i)));
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts())
                .as("ten guesses tested, the forty after the lock refused untested")
                .isEqualTo(10);
        assertThat(results).containsOnly(LoginResult.invalid());
        assertThat(repo().loginAttempts("alice", Instant.EPOCH, 1_000))
                .extracting(LoginAttempt::status)
                .hasSize(50)
                .containsOnly(LoginStatus.INVALID_CREDENTIALS, LoginStatus.LOCKED)
                .filteredOn(LoginStatus.LOCKED::equals)
                .hasSize(40);
    }

    @Test
    void should_reset_the_failure_count_on_success_and_unlock_by_hand() {
        Credential c = alice();
        login("alice", Secret.of("wrong one"));
        login("alice", PASSWORD);
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts()).isZero();
        for (int i = 0; i < 10; i++) {
            login("alice", Secret.of("wrong-" + i));
        }
        assertThat(repo().unlock(c.id()).lockedUntil()).isNull();
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SUCCESS);
    }

    @Test
    void should_record_login_attempts() {
        alice();
        login("alice", PASSWORD);
        login("alice", Secret.of("nope nope nope"));
        var attempts = repo().loginAttempts("alice", Instant.EPOCH, 10);
        assertThat(attempts)
                .extracting(a -> a.status())
                .containsExactly(LoginStatus.INVALID_CREDENTIALS, LoginStatus.SUCCESS);
        assertThat(attempts.get(0).ipAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void should_count_wrong_current_passwords_of_a_change_toward_the_lockout() {
        Credential c = alice();
        Secret next = Secret.of("a second long password here");
        for (int i = 0; i < 10; i++) {
            Secret wrong = Secret.of("not the current one " + i);
            assertThatThrownBy(() -> repo().changePassword(c.id(), wrong, next))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        assertThat(repo().findCredential(c.id()).orElseThrow().failedAttempts()).isEqualTo(10);
        assertThatThrownBy(() -> repo().changePassword(c.id(), PASSWORD, next))
                .as("the right password is refused untested while locked")
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage("the current password is not correct");
        assertThat(login("alice", PASSWORD)).isEqualTo(LoginResult.invalid());
        clock.advance(Duration.ofMinutes(1));
        repo().changePassword(c.id(), PASSWORD, next);
        assertThat(login("alice", next).status()).isEqualTo(LoginStatus.SUCCESS);
    }

    @Test
    void should_not_reveal_a_recent_password_to_a_change_with_a_wrong_current_one() {
        Credential c = alice();
        assertThatThrownBy(() -> repo().changePassword(c.id(), Secret.of("a wrong current password"), PASSWORD))
                .as("the new password is checked against the history only once the current one is proven")
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void should_change_a_password_and_refuse_recent_ones() {
        Credential c = alice();
        Secret second = Secret.of("second long password here");
        assertThatThrownBy(() -> repo().changePassword(c.id(), Secret.of("not the current one"), second))
                .isInstanceOf(InvalidCredentialsException.class);
        repo().changePassword(c.id(), PASSWORD, second);
        assertThat(login("alice", second).status()).isEqualTo(LoginStatus.SUCCESS);
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.INVALID_CREDENTIALS);
        assertThatThrownBy(() -> repo().changePassword(c.id(), second, PASSWORD))
                .isInstanceOf(InvalidInputException.class);
    }
}

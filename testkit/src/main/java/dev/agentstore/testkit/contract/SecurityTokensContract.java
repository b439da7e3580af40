package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Secret;
import dev.agentstore.security.ApiKey;
import dev.agentstore.security.Credential;
import dev.agentstore.security.InvalidCredentialsException;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.SecurityEventType;
import dev.agentstore.security.TotpEnrollment;
import dev.agentstore.testkit.fixture.TotpAuthenticator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Everything with a secret besides the password: reset tokens (single use, expiring, answered alike for unknown
 * emails), TOTP (RFC 6238, drift, single use), API keys (checksum, expiry, revocation) and the security events they
 * write.
 */
public abstract class SecurityTokensContract extends SecurityContractBase {
    @Test
    void should_reset_a_password_once_with_a_token() {
        alice();
        Secret token = requestReset("alice@example.com");
        Secret fresh = Secret.of("a brand new long password");
        repo().resetPassword(token, fresh);
        assertThat(login("alice", fresh).status()).isEqualTo(LoginStatus.SUCCESS);
        assertThatThrownBy(() -> repo().resetPassword(token, Secret.of("yet another long password")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThat(repo().events(SecurityEventType.PASSWORD_RESET_COMPLETED, Instant.EPOCH, 10))
                .hasSize(1);
    }

    @Test
    void should_answer_a_reset_request_alike_whether_or_not_the_account_exists() {
        alice();
        assertThat(requestReset("nobody@example.com", 300)).isNull();
        assertThat(requestReset("alice@example.com")).isNotNull();
        assertThat(repo().events(SecurityEventType.PASSWORD_RESET_REQUESTED, Instant.EPOCH, 10))
                .extracting(e -> e.credentialId() != null)
                .containsExactly(true, false);
    }

    @Test
    void should_keep_a_reset_token_usable_when_the_new_password_is_refused() {
        alice();
        Secret token = requestReset("alice@example.com");
        assertThatThrownBy(() -> repo().resetPassword(token, Secret.of("short")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> repo().resetPassword(token, PASSWORD))
                .as("the current password is a recent one")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> repo().resetPassword(Secret.of("not a token"), Secret.of("a brand new long password")))
                .isInstanceOf(InvalidInputException.class);
        repo().resetPassword(token, Secret.of("a brand new long password"));
        assertThat(login("alice", Secret.of("a brand new long password")).status())
                .isEqualTo(LoginStatus.SUCCESS);
    }

    @Test
    void should_let_one_of_two_concurrent_redemptions_of_a_reset_token_win() throws Exception {
        alice();
        Secret token = requestReset("alice@example.com");
        List<Boolean> won = Concurrently.run(2, i -> {
            try {
                repo().resetPassword(token, Secret.of("concurrent new password " + i));
                return true;
            } catch (InvalidCredentialsException e) {
                return false;
            }
        });
        assertThat(won).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void should_refuse_an_expired_reset_token() {
        alice();
        Secret token = requestReset("alice@example.com");
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> repo().resetPassword(token, Secret.of("a brand new long password")))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void should_require_a_confirmed_totp_code_at_login_and_accept_each_code_once() {
        Credential c = alice();
        TotpEnrollment enrollment = repo().enrollTotp(c.id());
        TotpAuthenticator secret = TotpAuthenticator.of(enrollment.secret().reveal());
        assertThat(secret.keyBits()).isGreaterThanOrEqualTo(160);
        assertThat(enrollment.otpauthUri().reveal()).startsWith("otpauth://totp/");
        assertThat(repo().confirmTotp(c.id(), "000000".equals(code(secret, 0)) ? "111111" : "000000"))
                .isFalse();
        assertThat(repo().confirmTotp(c.id(), code(secret, 0))).isTrue();
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SECOND_FACTOR_REQUIRED);
        clock.advance(Duration.ofSeconds(30));
        String next = code(secret, 0);
        assertThat(repo().verifyTotp(c.id(), next)).isTrue();
        assertThat(repo().verifyTotp(c.id(), next)).isFalse();
        assertThat(repo().events(SecurityEventType.TOTP_VERIFIED, Instant.EPOCH, 10))
                .hasSize(1);
        assertThat(repo().events(SecurityEventType.TOTP_REJECTED, Instant.EPOCH, 10))
                .as("the wrong confirmation and the reused code")
                .hasSize(2);
        repo().disableTotp(c.id());
        assertThat(login("alice", PASSWORD).status()).isEqualTo(LoginStatus.SUCCESS);
    }

    @Test
    void should_accept_one_step_of_drift_but_not_two() {
        Credential c = alice();
        TotpAuthenticator secret =
                TotpAuthenticator.of(repo().enrollTotp(c.id()).secret().reveal());
        assertThat(repo().confirmTotp(c.id(), code(secret, 0))).isTrue();
        clock.advance(Duration.ofSeconds(90));
        assertThat(repo().verifyTotp(c.id(), code(secret, 2))).isFalse();
        assertThat(repo().verifyTotp(c.id(), code(secret, 1))).isTrue();
    }

    @Test
    void should_let_one_of_two_concurrent_totp_submissions_win() throws Exception {
        Credential c = alice();
        TotpAuthenticator secret =
                TotpAuthenticator.of(repo().enrollTotp(c.id()).secret().reveal());
        repo().confirmTotp(c.id(), code(secret, 0));
        clock.advance(Duration.ofSeconds(30));
        String code = code(secret, 0);
        assertThat(Concurrently.run(2, i -> repo().verifyTotp(c.id(), code))).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void should_create_verify_and_revoke_api_keys() {
        Credential c = alice();
        IssuedApiKey issued = repo().createApiKey(new NewApiKey(c.id(), "ci", Set.of("read"), null));
        assertThat(issued.rawKey().reveal()).startsWith("ask_");
        assertThat(issued.rawKey().toString()).isEqualTo("****");
        clock.advance(Duration.ofSeconds(5));
        ApiKey verified = repo().verifyApiKey(issued.rawKey()).orElseThrow();
        assertThat(verified.lastUsedAt()).isEqualTo(clock.instant());
        assertThat(verified.scopes()).containsExactly("read");
        assertThat(repo().listApiKeys(c.id()))
                .extracting(ApiKey::id)
                .containsExactly(issued.key().id());
        assertThat(repo().revokeApiKey(issued.key().id())).isTrue();
        assertThat(repo().verifyApiKey(issued.rawKey())).isEmpty();
        assertThat(repo().events(SecurityEventType.API_KEY_REJECTED, Instant.EPOCH, 10))
                .as("the revoked key's use")
                .hasSize(1);
        assertThat(repo().events(null, Instant.EPOCH, 10))
                .extracting(e -> e.type())
                .contains(SecurityEventType.API_KEY_CREATED, SecurityEventType.API_KEY_REVOKED);
    }

    @Test
    void should_refuse_malformed_tampered_and_expired_keys() {
        Credential c = alice();
        IssuedApiKey issued = repo().createApiKey(new NewApiKey(
                c.id(), "short-lived", Set.of(), clock.instant().plusSeconds(60)));
        String raw = issued.rawKey().reveal();
        char last = raw.charAt(10);
        String tampered = raw.substring(0, 10) + (last == 'a' ? 'b' : 'a') + raw.substring(11);
        assertThat(repo().verifyApiKey(Secret.of(tampered))).isEmpty();
        assertThat(repo().verifyApiKey(Secret.of("ask_short"))).isEmpty();
        assertThat(repo().verifyApiKey(issued.rawKey())).isPresent();
        clock.advance(Duration.ofSeconds(61));
        assertThat(repo().verifyApiKey(issued.rawKey())).isEmpty();
    }

    @Test
    void should_record_and_list_security_events() {
        Credential c = alice();
        repo().recordEvent(SecurityEventType.CUSTOM, c.id(), "warning", Map.of("reason", "odd"));
        assertThat(repo().events(SecurityEventType.CUSTOM, Instant.EPOCH, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("reason", "odd"));
        assertThat(repo().events(null, Instant.EPOCH, 10))
                .extracting(e -> e.type())
                .contains(SecurityEventType.CREDENTIAL_CREATED, SecurityEventType.CUSTOM);
    }

    private String code(TotpAuthenticator secret, int stepsAhead) {
        return secret.codeAtStep(TotpAuthenticator.step(clock.instant()) + stepsAhead);
    }
}

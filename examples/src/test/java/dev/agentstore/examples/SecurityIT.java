package dev.agentstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityIT {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.agentstore.examples.ExampleRuns#setups")
    void should_register_log_in_enrol_totp_lock_out_and_use_an_api_key(Supplier<AgentStore> setup) {
        String output = ExampleRuns.output(setup, Security::run);

        assertThat(output)
                .contains("register with a short password: refused (password")
                .contains("register with a long passphrase: account created, TOTP on=false")
                .contains("log in: right password -> SUCCESS, wrong password -> INVALID_CREDENTIALS,"
                        + " unknown user -> INVALID_CREDENTIALS")
                .contains("TOTP: confirmed=true; password now gives SECOND_FACTOR_REQUIRED;"
                        + " the used code again -> false, the next code -> true")
                .contains(
                        "lockout: locked after 10 wrong passwords in a row; the right one is refused too (INVALID_CREDENTIALS")
                .contains("unlocked by an administrator: password -> SECOND_FACTOR_REQUIRED")
                .contains("verifies with scopes [conversations:read]; after revoking verifies=false")
                .contains("ACCOUNT_LOCKED, ACCOUNT_UNLOCKED, API_KEY_CREATED, API_KEY_REVOKED, CREDENTIAL_CREATED,"
                        + " TOTP_ENABLED, TOTP_REJECTED, TOTP_VERIFIED");
        // secrets never reach the output
        assertThat(output)
                .doesNotContain("fjord123")
                .doesNotContain("fjords and ferries")
                .doesNotContain("otpauth");
    }
}

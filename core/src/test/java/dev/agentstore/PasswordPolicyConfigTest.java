package dev.agentstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.security.LoginContext;
import dev.agentstore.security.LoginStatus;
import dev.agentstore.security.NewCredential;
import dev.agentstore.security.SecurityRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password and lockout policy comes from the security.* settings. */
class PasswordPolicyConfigTest {

    @Test
    void should_apply_the_configured_length_blocklist_and_lockout(@TempDir Path dir) throws Exception {
        Path blocklist = Files.writeString(dir.resolve("blocked.txt"), "Tr0ub4dor&3xyz\n\n  letmein-letmein \n");
        StoreConfig config = StoreConfig.builder()
                .set("security.min-password-length", "12")
                .set("security.password-blocklist-file", blocklist.toString())
                .set("security.lockout-after", "3")
                .set("security.max-lockout", "PT2M")
                .build();
        assertThat(config.passwordPolicy().minLength()).isEqualTo(12);
        assertThat(config.passwordPolicy().maxLockout()).isEqualTo(Duration.ofMinutes(2));
        try (AgentStore store = AgentStore.open(config)) {
            SecurityRepository security = store.security();
            for (String refused : List.of("eleven char", "tr0ub4dor&3xyz", "LETMEIN-LETMEIN")) {
                assertThatThrownBy(() -> security.createCredential(
                                new NewCredential("ann", "ann@example.com", Secret.of(refused))))
                        .isInstanceOf(InvalidInputException.class);
            }
            security.createCredential(new NewCredential("ann", "ann@example.com", Secret.of("twelve chars")));
            for (int i = 0; i < 3; i++) {
                security.verifyPassword("ann", Secret.of("wrong password " + i), LoginContext.unknown());
            }
            assertThat(security.verifyPassword("ann", Secret.of("twelve chars"), LoginContext.unknown())
                            .status())
                    .isEqualTo(LoginStatus.INVALID_CREDENTIALS);
            assertThat(security.findByUsername("ann").orElseThrow().lockedAt(java.time.Instant.now()))
                    .isTrue();
        }
    }

    @Test
    void should_refuse_invalid_settings_naming_them() {
        for (String[] bad : List.of(
                new String[] {"security.min-password-length", "0"},
                new String[] {"security.lockout-after", "many"},
                new String[] {"security.max-lockout", "PT0S"},
                new String[] {"security.password-blocklist-file", "/no/such/file"})) {
            assertThatThrownBy(() -> AgentStore.open(
                            StoreConfig.builder().set(bad[0], bad[1]).build()))
                    .as(bad[0])
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("security.");
        }
    }
}

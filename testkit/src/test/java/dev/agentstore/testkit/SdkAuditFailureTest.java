package dev.agentstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.StoreConfig;
import dev.agentstore.StoreUnavailableException;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.audit.UnauditedOperationException;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.security.NewCredential;
import dev.agentstore.spi.Capability;
import dev.agentstore.spi.StoreBackend;
import dev.agentstore.spi.StoreContext;
import dev.agentstore.spi.StoreProvider;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When the audit log cannot take the entry of an operation the SDK audits, the caller learns that the operation
 * itself went through: a retry is then a decision, not a reflex that would, say, create a second credential.
 */
class SdkAuditFailureTest {

    /** An audit backend that is down: every append fails as an unreachable store would. */
    record DownAuditProvider() implements StoreProvider {
        @Override
        public String id() {
            return "down-audit";
        }

        @Override
        public String artifact() {
            return "com.example:down-audit";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.AUDIT_LOG);
        }

        @Override
        public boolean isConfigured(StoreConfig config) {
            return true;
        }

        @Override
        public StoreBackend open(StoreContext context) {
            return new StoreBackend() {
                @Override
                public AuditLog auditLog(String tenant) {
                    return new AuditLog() {
                        @Override
                        public AuditEntry append(NewAuditEntry entry) {
                            throw new StoreUnavailableException("the audit store is down");
                        }

                        @Override
                        public Optional<AuditEntry> find(UUID entryId) {
                            return Optional.empty();
                        }

                        @Override
                        public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
                            return new Page<>(List.of(), null);
                        }
                    };
                }

                @Override
                public String health() {
                    return "down: the audit store is down";
                }

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void should_say_that_the_operation_went_through_when_its_audit_entry_cannot_be_written() {
        try (AgentStore store = AgentStore.open(StoreConfig.defaults(), Clock.systemUTC(), new DownAuditProvider())) {
            assertThatThrownBy(() -> store.security()
                            .createCredential(
                                    new NewCredential("ann", "ann@example.com", Secret.of("a long enough password"))))
                    .isInstanceOf(UnauditedOperationException.class)
                    .isNotInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("credential.created")
                    .hasMessageContaining("was applied, but its audit entry was not written")
                    .hasCauseInstanceOf(StoreUnavailableException.class)
                    .hasMessageNotContaining("a long enough password");
            assertThat(store.security().findByUsername("ann")).isPresent();

            UUID user =
                    store.conversations().upsertUser(NewUser.of("web", "ann")).id();
            assertThatThrownBy(() -> store.conversations().eraseUser(user))
                    .isInstanceOfSatisfying(UnauditedOperationException.class, e -> {
                        assertThat(e.action()).isEqualTo("user.erased");
                        assertThat(e.resourceId()).isEqualTo(user.toString());
                    });
            assertThat(store.conversations().findUser(user)).isEmpty();
        }
    }
}

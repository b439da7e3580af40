package dev.agentstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.InvalidInputException;
import dev.agentstore.Page;
import dev.agentstore.PageRequest;
import dev.agentstore.Secret;
import dev.agentstore.audit.AuditActions;
import dev.agentstore.audit.AuditEntry;
import dev.agentstore.audit.AuditLog;
import dev.agentstore.audit.AuditQuery;
import dev.agentstore.audit.NewAuditEntry;
import dev.agentstore.conversation.NewUser;
import dev.agentstore.security.Credential;
import dev.agentstore.security.IssuedApiKey;
import dev.agentstore.security.NewApiKey;
import dev.agentstore.security.NewCredential;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log: append-only entries newest first with filters, retention as the only way out, and the entries the
 * SDK writes for its own security-relevant operations.
 */
public abstract class AuditLogContract extends StoreContract {

    private AuditLog audit() {
        return store.auditLog();
    }

    private AuditQuery today() {
        Instant now = clock.instant();
        return AuditQuery.between(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
    }

    @Test
    void should_append_with_every_field_and_list_newest_first_with_filters() {
        UUID admin = UUID.randomUUID();
        AuditEntry deleted = audit().append(NewAuditEntry.of(admin, "document.deleted", "document", "doc-7")
                .from("2001:db8::1", "curl/8.5")
                .inRequest("req-42")
                .withDetails(Map.of("reason", "duplicate")));
        clock.advance(Duration.ofSeconds(1));
        AuditEntry exported = audit().append(NewAuditEntry.of(null, "report.exported", "report", null)
                .from("192.0.2.10", null));

        assertThat(deleted.occurredAt()).isBefore(exported.occurredAt());
        assertThat(audit().find(deleted.id())).contains(deleted);
        assertThat(deleted.ipAddress()).isEqualTo("2001:db8::1");
        assertThat(deleted.requestId()).isEqualTo("req-42");
        assertThat(audit().list(today(), PageRequest.first(10)).items()).containsExactly(exported, deleted);
        assertThat(audit().list(today().byActor(admin), PageRequest.first(10)).items())
                .containsExactly(deleted);
        assertThat(audit().list(today().onResource("document", "doc-7"), PageRequest.first(10))
                        .items())
                .containsExactly(deleted);
        assertThat(audit().list(today().ofAction("report.exported"), PageRequest.first(10))
                        .items())
                .containsExactly(exported);
        assertThat(otherTenant().auditLog().list(today(), PageRequest.first(10)).items())
                .isEmpty();

        Page<AuditEntry> first = audit().list(today(), PageRequest.first(1));
        assertThat(audit().list(today(), first.nextRequest(PageRequest.first(1)).orElseThrow())
                        .items())
                .containsExactly(deleted);
    }

    @Test
    void should_offer_no_way_to_change_or_delete_entries() {
        List<String> methods =
                Arrays.stream(AuditLog.class.getMethods()).map(Method::getName).toList();
        assertThat(methods).containsExactlyInAnyOrder("append", "find", "list");
    }

    @Test
    void should_refuse_addresses_that_are_not_ip_literals() {
        for (String bad : List.of("example.com", "10.0.0.256", "1.2.3", ":::", "12345::", "localhost")) {
            assertThatThrownBy(() -> NewAuditEntry.of(null, "a", "b", null).from(bad, null))
                    .as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("audit.ipAddress");
        }
        assertThat(NewAuditEntry.of(null, "a", "b", null)
                        .from("::ffff:10.0.0.1", null)
                        .ipAddress())
                .isEqualTo("::ffff:10.0.0.1");
    }

    @Test
    void should_record_the_sdks_own_security_operations() {
        Credential ann = store.security()
                .createCredential(new NewCredential("ann", "ann@example.com", Secret.of("correct horse battery")));
        store.security()
                .changePassword(ann.id(), Secret.of("correct horse battery"), Secret.of("another long passphrase"));
        IssuedApiKey key = store.security().createApiKey(new NewApiKey(ann.id(), "ci", Set.of(), null));
        store.security().revokeApiKey(key.key().id());
        UUID user = store.conversations().upsertUser(NewUser.of("web", "ann")).id();
        store.conversations().eraseUser(user);

        List<AuditEntry> entries = audit().list(today(), PageRequest.first(100)).items();
        assertThat(entries)
                .extracting(AuditEntry::action)
                .containsExactly(
                        AuditActions.USER_ERASED,
                        AuditActions.API_KEY_REVOKED,
                        AuditActions.API_KEY_CREATED,
                        AuditActions.PASSWORD_CHANGED,
                        AuditActions.CREDENTIAL_CREATED);
        assertThat(entries.get(0).resourceId()).isEqualTo(user.toString());
        assertThat(entries.get(0).actorId()).isNull();
        assertThat(entries.get(1).resourceType()).isEqualTo(AuditActions.API_KEY);
        assertThat(entries.get(1).resourceId()).isEqualTo(key.key().id().toString());
        assertThat(entries.get(1).actorId()).isEqualTo(ann.id());
        assertThat(entries.get(4).resourceId()).isEqualTo(ann.id().toString());
        assertThat(entries).allSatisfy(e -> assertThat(e.details()).isEmpty());
    }

    @Test
    void should_drop_whole_months_through_retention_only() {
        clock.set(Instant.parse("2025-01-20T10:00:00Z"));
        audit().append(NewAuditEntry.of(null, "old", "thing", null));
        clock.set(Instant.parse("2025-02-03T10:00:00Z"));
        AuditEntry kept = audit().append(NewAuditEntry.of(null, "new", "thing", null));

        assertThat(root().auditLogRetention().dropMonthsBefore(Instant.parse("2025-02-10T00:00:00Z")))
                .contains(YearMonth.of(2025, 1))
                .doesNotContain(YearMonth.of(2025, 2));
        AuditQuery both =
                AuditQuery.between(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(audit().list(both, PageRequest.first(10)).items()).containsExactly(kept);
        assertThatThrownBy(() -> store.auditLogRetention()).isInstanceOf(IllegalStateException.class);
    }
}

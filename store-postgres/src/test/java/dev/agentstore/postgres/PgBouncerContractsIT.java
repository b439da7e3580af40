package dev.agentstore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentstore.AgentStore;
import dev.agentstore.PageRequest;
import dev.agentstore.testkit.contract.ActivityContract;
import dev.agentstore.testkit.contract.AgentRepositoryContract;
import dev.agentstore.testkit.contract.ApiUsageContract;
import dev.agentstore.testkit.contract.AuditLogContract;
import dev.agentstore.testkit.contract.CheckpointContract;
import dev.agentstore.testkit.contract.ContextAssemblyContract;
import dev.agentstore.testkit.contract.ContextWindowContract;
import dev.agentstore.testkit.contract.ConversationActivityContract;
import dev.agentstore.testkit.contract.ConversationBranchContract;
import dev.agentstore.testkit.contract.ConversationMemoryContract;
import dev.agentstore.testkit.contract.ConversationRepositoryContract;
import dev.agentstore.testkit.contract.ConversationRetentionContract;
import dev.agentstore.testkit.contract.ErrorLogContract;
import dev.agentstore.testkit.contract.FeedbackRepositoryContract;
import dev.agentstore.testkit.contract.HistoryImportContract;
import dev.agentstore.testkit.contract.HistoryPagingContract;
import dev.agentstore.testkit.contract.MemoryBlockContract;
import dev.agentstore.testkit.contract.MessageContract;
import dev.agentstore.testkit.contract.MessageEditingContract;
import dev.agentstore.testkit.contract.MetricSeriesContract;
import dev.agentstore.testkit.contract.MetricsRepositoryContract;
import dev.agentstore.testkit.contract.ModelRepositoryContract;
import dev.agentstore.testkit.contract.RecallContract;
import dev.agentstore.testkit.contract.ResponseCacheContract;
import dev.agentstore.testkit.contract.RunRepositoryContract;
import dev.agentstore.testkit.contract.SecurityAttackContract;
import dev.agentstore.testkit.contract.SecurityRepositoryContract;
import dev.agentstore.testkit.contract.SecurityTokensContract;
import dev.agentstore.testkit.contract.SummaryContract;
import dev.agentstore.testkit.contract.TenantIsolationContract;
import dev.agentstore.testkit.contract.UserAndSessionContract;
import dev.agentstore.testkit.contract.UserErasureContract;
import dev.agentstore.testkit.contract.ValidationContract;
import dev.agentstore.testkit.fixture.LocalPgBouncer;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL contract suites again, with every connection going through a real PgBouncer in transaction pooling
 * mode (Debian's package, started by the fixture in front of the shared database): each transaction may run on a
 * different server connection, so the suites prove that nothing agentstore relies on outlives a transaction: the
 * tenant and index settings are set per transaction, temporary tables are created where they are used, and no
 * server-side prepared statement is kept (PgBouncer 1.18 cannot route one, hence {@code prepareThreshold=0}). The
 * database is migrated directly beforehand: migrations take a session-level advisory lock and belong on a direct
 * connection.
 */
class PgBouncerContractsIT {
    private static LocalPgBouncer bouncer;

    @BeforeAll
    static void startPgBouncer() {
        bouncer = LocalPgBouncer.inFrontOf(PostgresTestDatabase.shared());
    }

    @AfterAll
    static void stopPgBouncer() {
        bouncer.close();
    }

    @Test
    void should_reach_postgresql_through_pgbouncer() {
        long before = bouncer.logins(PostgresTestDatabase.shared().runtimeRole());
        try (AgentStore store = AgentStore.open(bouncer.storeConfig())) {
            assertThat(store.forTenant("through-pgbouncer")
                            .agents()
                            .listPublic(PageRequest.first(1))
                            .items())
                    .isEmpty();
        }
        assertThat(bouncer.logins(PostgresTestDatabase.shared().runtimeRole())).isGreaterThan(before);
    }

    @Nested
    class Activity extends ActivityContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class AgentRepository extends AgentRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ApiUsage extends ApiUsageContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class AuditLog extends AuditLogContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class Checkpoint extends CheckpointContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ContextAssembly extends ContextAssemblyContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ContextWindow extends ContextWindowContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ConversationActivity extends ConversationActivityContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ConversationBranch extends ConversationBranchContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ConversationMemory extends ConversationMemoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ConversationRepository extends ConversationRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ConversationRetention extends ConversationRetentionContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ErrorLog extends ErrorLogContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class FeedbackRepository extends FeedbackRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class HistoryImport extends HistoryImportContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class HistoryPaging extends HistoryPagingContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class MemoryBlock extends MemoryBlockContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class MessageEditing extends MessageEditingContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class Message extends MessageContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class MetricSeries extends MetricSeriesContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class MetricsRepository extends MetricsRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ModelRepository extends ModelRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class Recall extends RecallContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class ResponseCache extends ResponseCacheContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class RunRepository extends RunRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class SecurityAttack extends SecurityAttackContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class SecurityRepository extends SecurityRepositoryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class SecurityTokens extends SecurityTokensContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class Summary extends SummaryContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class TenantIsolation extends TenantIsolationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class UserAndSession extends UserAndSessionContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class UserErasure extends UserErasureContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }

    @Nested
    class Validation extends ValidationContract {
        @Override
        protected AgentStore openStore(Clock clock) {
            return AgentStore.open(bouncer.storeConfig(), clock);
        }
    }
}

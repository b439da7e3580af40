package dev.agentstore.pgvector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.fixture.MigratedPostgres;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TenantPolicyCatalog;
import dev.agentstore.vector.Chunk;
import dev.agentstore.vector.CollectionSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps tenants' vectors apart even for SQL that forgets the tenant: every vector table, each
 * collection's partition included, has row-level security enabled and forced, and the runtime role can reach
 * chunks only through the partitioned table and its policy.
 */
class PgvectorRowLevelSecurityIT {
    private final PostgresDatabase database = MigratedPostgres.shared();

    @Test
    void should_give_every_vector_table_and_partition_exactly_the_tenant_policy_and_no_grant_on_partitions()
            throws SQLException {
        try (AgentStore store = AgentStore.open(database.storeConfig())) {
            store.forTenant("audit-" + UUID.randomUUID()).vectors().createCollection(CollectionSpec.of("audited", 3));
        }
        List<String> unprotected = new ArrayList<>();
        try (Connection admin = database.adminConnection();
                PreparedStatement tables = admin.prepareStatement("select c.relname from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'agentstore'"
                        + " and c.relkind in ('r', 'p') and c.relname like 'vector%'"
                        + " and not (c.relrowsecurity and c.relforcerowsecurity)");
                ResultSet rows = tables.executeQuery()) {
            while (rows.next()) {
                unprotected.add(rows.getString(1));
            }
        }
        assertThat(unprotected).isEmpty();
        try (Connection admin = database.adminConnection()) {
            assertThat(TenantPolicyCatalog.tableNames(admin, "agentstore"))
                    .anyMatch(table -> table.startsWith("agentstore.vector_chunks_"));
            assertThat(TenantPolicyCatalog.policyProblems(admin, "agentstore")).isEmpty();
            assertThat(TenantPolicyCatalog.privilegeProblems(admin, database.runtimeRole(), "agentstore"))
                    .isEmpty();
        }
    }

    @Test
    void should_hide_another_tenants_chunks_from_sql_without_a_tenant_condition() throws SQLException {
        String owner = "owner-" + UUID.randomUUID();
        try (AgentStore store = AgentStore.open(database.storeConfig())) {
            var vectors = store.forTenant(owner).vectors();
            vectors.createCollection(CollectionSpec.of("secret", 2));
            vectors.upsert("secret", List.of(Chunk.of("s", "secret text", new float[] {1, 0})));
        }
        String partition;
        try (Connection admin = database.adminConnection();
                PreparedStatement find =
                        admin.prepareStatement("select id from agentstore.vector_collections where tenant_id = ?")) {
            find.setString(1, owner);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                partition = "vector_chunks_" + row.getString(1).replace("-", "");
            }
        }
        try (Connection runtime = database.runtimeConnection()) {
            runtime.setAutoCommit(false);
            try (PreparedStatement tenant =
                    runtime.prepareStatement("select set_config('agentstore.tenant_id', 'intruder', true)")) {
                tenant.execute();
            }
            assertThat(count(runtime, "select count(*) from agentstore.vector_chunks"))
                    .isZero();
            assertThat(count(runtime, "select count(*) from agentstore.vector_collections"))
                    .isZero();
            // the partition itself: not granted to the runtime role (and protected by its own policy if it were)
            assertThatThrownBy(() -> count(runtime, "select count(*) from agentstore." + partition))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}

package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.BadInputSweepContract;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TenantPolicyCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The bad-input sweep on PostgreSQL, comparing a digest of every row of the tenant in every agentstore table around
 * each call.
 */
class PostgresBadInputSweepIT extends BadInputSweepContract {
    /** The tables a failed proof writes to by design: the account's failure count and the security log. */
    private static final Set<String> SECURITY_LOG = Set.of(
            "\"agentstore_security\".\"credentials\"",
            "\"agentstore_security\".\"login_attempts\"",
            "\"agentstore_security\".\"security_events\"");

    private static PostgresDatabase database;
    private static List<String> tables;
    /**
     * One administrator connection for every digest of the run: the digest statement is the same text each time, so
     * it is planned once (its plan spans every table and partition) instead of per call on a new connection.
     */
    private static Connection admin;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = PostgresTestDatabase.create();
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        admin = database.adminConnection();
        tables = TenantPolicyCatalog.dataTables(admin, "agentstore", "agentstore_security").stream()
                .map(table -> "\"" + table.replace(".", "\".\"") + "\"")
                .toList();
    }

    @AfterAll
    static void closeAdminConnection() throws SQLException {
        if (admin != null) {
            admin.close();
        }
    }

    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(database.storeConfig(), clock);
    }

    /** Every row of the tenant in every agentstore table (partitions through their parents), one digest per table. */
    @Override
    protected String fingerprint(AgentStore tenant, boolean withSecurityLog) {
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            if (withSecurityLog || !SECURITY_LOG.contains(table)) {
                // Test-only SQL over names read from the catalog, quoted; the tenant is a bound value.
                parts.add(
                        "select '" + table + "' || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                + " from " + table + " t where t.tenant_id = ?");
            }
        }
        StringBuilder digest = new StringBuilder();
        try (PreparedStatement statement = admin.prepareStatement(String.join(" union all ", parts))) {
            for (int i = 1; i <= parts.size(); i++) {
                statement.setString(i, tenant.tenant());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    digest.append(rows.getString(1)).append('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digest + super.fingerprint(tenant, withSecurityLog);
    }
}

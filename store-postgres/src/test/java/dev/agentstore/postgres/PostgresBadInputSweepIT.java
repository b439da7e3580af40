package dev.agentstore.postgres;

import dev.agentstore.AgentStore;
import dev.agentstore.testkit.contract.BadInputSweepContract;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The bad-input sweep on PostgreSQL, comparing a digest of every row of every agentstore table around each call. */
class PostgresBadInputSweepIT extends BadInputSweepContract {
    private static PostgresDatabase database;
    private static String digestQuery;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = PostgresTestDatabase.create();
        AgentStore.open(database.storeConfig().toBuilder().migrateOnOpen(true).build())
                .close();
        List<String> parts = new ArrayList<>();
        try (Connection admin = database.adminConnection();
                Statement statement = admin.createStatement();
                ResultSet tables = statement.executeQuery("select n.nspname, c.relname from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname in ('agentstore', 'agentstore_security') and c.relkind in ('r', 'p')"
                        + " and not c.relispartition order by 1, 2")) {
            while (tables.next()) {
                // Test-only SQL over names read from the catalog just above, quoted.
                String table = "\"" + tables.getString(1) + "\".\"" + tables.getString(2) + "\"";
                parts.add("select '" + table.replace("'", "''") + "' || ':' || coalesce(md5(string_agg(t::text, '|'"
                        + " order by t::text)), '') from " + table + " t");
            }
        }
        digestQuery = String.join(" union all ", parts);
    }

    @Override
    protected AgentStore openStore(Clock clock) {
        return AgentStore.open(database.storeConfig(), clock);
    }

    /** Every row of every agentstore table (partitions through their parents), as one digest per table. */
    @Override
    protected String fingerprint() {
        StringBuilder digest = new StringBuilder();
        try (Connection admin = database.adminConnection();
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(digestQuery)) {
            while (rows.next()) {
                digest.append(rows.getString(1)).append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digest + super.fingerprint();
    }
}

package dev.agentstore.postgres;

import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.jooq.DSLContext;

/** Query plans as the runtime role sees them: in a transaction scoped to one tenant, under row-level security. */
public final class TenantPlans {
    private TenantPlans() {}

    /**
     * The {@code EXPLAIN} output of the statement {@code render} writes (inlined, through a context on the
     * connection), run as {@code database}'s runtime role for {@code tenant}, then rolled back.
     */
    public static String explain(PostgresDatabase database, String tenant, Function<DSLContext, String> render)
            throws SQLException {
        try (Connection connection = database.runtimeConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope =
                    connection.prepareStatement("select set_config('agentstore.tenant_id', ?, true)")) {
                scope.setString(1, tenant);
                scope.execute();
            }
            String sql = render.apply(PostgresDsl.create(connection, "agentstore"));
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql);
                    ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
            return plan.toString();
        }
    }
}

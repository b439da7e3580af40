package dev.agentstore.postgres;

import dev.agentstore.postgres.spi.PostgresDsl;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

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
            setLocal(connection, "agentstore.tenant_id", tenant);
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

    /**
     * The {@code EXPLAIN} output of the generic plan of the statement {@code build} makes: rendered with its bind
     * values as parameters, prepared on the server, and executed with those values under {@code settings} (set
     * transaction-local, as the repositories set them), as {@code database}'s runtime role for {@code tenant}; then
     * rolled back. What a server-prepared statement runs when {@code settings} force generic plans.
     */
    public static String explainGeneric(
            PostgresDatabase database, String tenant, Map<String, String> settings, Function<DSLContext, Query> build)
            throws SQLException {
        try (Connection connection = database.runtimeConnection()) {
            connection.setAutoCommit(false);
            setLocal(connection, "agentstore.tenant_id", tenant);
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                setLocal(connection, setting.getKey(), setting.getValue());
            }
            DSLContext dsl = PostgresDsl.create(connection, "agentstore");
            Query query = build.apply(dsl);
            StringBuilder numbered = new StringBuilder();
            int next = 0;
            for (char c : dsl.render(query).toCharArray()) {
                numbered.append(c == '?' ? "$" + ++next : String.valueOf(c));
            }
            List<String> arguments = new ArrayList<>();
            for (Object value : dsl.extractBindValues(query)) {
                arguments.add(dsl.renderInlined(DSL.inline(value)));
            }
            if (arguments.size() != next) {
                throw new IllegalStateException(next + " placeholders, " + arguments.size() + " bind values");
            }
            StringBuilder plan = new StringBuilder();
            try (Statement statement = connection.createStatement()) {
                statement.execute("prepare planned as " + numbered);
                try (ResultSet rows =
                        statement.executeQuery("explain execute planned(" + String.join(", ", arguments) + ")")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            connection.rollback();
            return plan.toString();
        }
    }

    private static void setLocal(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config(?, ?, true)")) {
            set.setString(1, name);
            set.setString(2, value);
            set.execute();
        }
    }
}

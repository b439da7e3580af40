package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A COPY whose connection dies mid-stream (a failover, a restart, an administrator's {@code pg_terminate_backend})
 * fails as a connection failure (SQL state class 08), which callers report as unavailable and retry, never as
 * pgjdbc's "inactive copy" state error (55000), which hides the cause.
 */
class BinaryCopyIT {
    private static final int ROWS = 20_000;
    private static PostgresDatabase database;

    @BeforeAll
    static void table() {
        database = PostgresDatabase.create(TestServers.postgres());
        database.executeAsAdmin("create table public.copy_probe (id int not null, note text not null)");
    }

    @ParameterizedTest(name = "terminated after row {0}")
    @ValueSource(ints = {0, 1, 1_000, ROWS - 1})
    void should_fail_as_a_lost_connection_when_the_backend_is_terminated_mid_copy(int row) throws Exception {
        Connection copying = DriverManager.getConnection(
                database.url(),
                TestServers.postgres().username(),
                TestServers.postgres().password());
        try (Connection admin = database.adminConnection()) {
            int pid = backendPid(copying);
            Throwable thrown = catchThrowable(() ->
                    BinaryCopy.copy(copying, "copy public.copy_probe (id, note) from stdin (format binary)", rows -> {
                        for (int i = 0; i < ROWS; i++) {
                            rows.row(2).int4(i).text("row " + i + " of a copy that will not finish");
                            if (i == row) {
                                terminate(admin, pid);
                            }
                        }
                    }));
            assertThat(thrown).isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).startsWith("08");
        } finally {
            closeQuietly(copying);
        }
    }

    @Test
    void should_keep_the_servers_own_error_when_the_connection_survives() throws Exception {
        try (Connection copying = database.adminConnection()) {
            Throwable thrown = catchThrowable(() -> BinaryCopy.copy(
                    copying,
                    "copy public.copy_probe (id, note) from stdin (format binary)",
                    rows -> rows.row(2).int4(1).text(null)));
            assertThat(thrown).isInstanceOf(SQLException.class);
            assertThat(((SQLException) thrown).getSQLState()).isEqualTo("23502");
            assertThat(copying.isValid(2)).isTrue();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Ends the backend and waits (up to 5 s) until it is gone. */
    private static void terminate(Connection admin, int pid) {
        try (PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?, 5000)")) {
            kill.setInt(1, pid);
            kill.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Connection dead) {
        try {
            dead.close();
        } catch (SQLException expected) {
            // the backend is gone: saying goodbye to it fails
        }
    }
}

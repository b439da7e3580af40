package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentstore.AgentStoreException;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantSql#reads()} runs its statements in read-only transactions, so a statement wrongly marked as a read
 * (one that would be sent twice after a lost connection) is refused by PostgreSQL instead of writing.
 */
class TenantSqlReadsIT {
    private static final Table<Record> PROBE = DSL.table(DSL.name("public", "reads_probe"));
    private static final Field<Integer> ID = DSL.field(DSL.name("id"), SQLDataType.INTEGER);
    private static Connection connection;
    private static TenantSql sql;

    /** One connection for every statement, as a pool would reuse it. */
    @BeforeAll
    static void table() throws SQLException {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        database.executeAsAdmin("create table public.reads_probe (id int primary key)");
        connection = database.adminConnection();
        sql = new TenantSql(PostgresDsl.create(connection, "public"), "reads-probe");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void should_refuse_a_write_sent_as_a_read() {
        assertThatThrownBy(() ->
                        sql.reads().fetch(DSL.insertInto(PROBE, ID).values(1).returning(ID)))
                .isInstanceOf(AgentStoreException.class)
                .hasMessageContaining("25006");
        assertThatThrownBy(() -> sql.reads()
                        .fetch(DSL.with(DSL.name("written"))
                                .as(DSL.insertInto(PROBE, ID).values(2).returning(ID))
                                .selectFrom(DSL.table(DSL.name("written")))))
                .isInstanceOf(AgentStoreException.class)
                .hasMessageContaining("25006");

        assertThat(sql.fetch(DSL.select(ID).from(PROBE).where(ID.in(1, 2)))).isEmpty();
    }

    @Test
    void should_answer_reads_and_leave_writes_to_the_writing_statements() {
        sql.fetch(DSL.insertInto(PROBE, ID).values(10).returning(ID));

        assertThat(sql.reads().fetch(DSL.select(ID).from(PROBE).where(ID.eq(10))))
                .hasSize(1);
        assertThat(sql.fetch(DSL.insertInto(PROBE, ID).values(11).returning(ID)))
                .as("the read-only transaction ended with its statement on the same connection")
                .hasSize(1);
    }
}

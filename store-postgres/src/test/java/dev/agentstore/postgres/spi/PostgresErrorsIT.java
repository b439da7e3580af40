package dev.agentstore.postgres.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.agentstore.AgentStoreException;
import dev.agentstore.ConflictException;
import dev.agentstore.InvalidInputException;
import dev.agentstore.testkit.fixture.PostgresDatabase;
import dev.agentstore.testkit.fixture.TestServers;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Values PostgreSQL refuses become typed exceptions that name the column or constraint and keep the cause. */
class PostgresErrorsIT {
    private static DSLContext dsl;

    @BeforeAll
    static void table() {
        PostgresDatabase database = PostgresDatabase.create(TestServers.postgres());
        database.executeAsAdmin("create table public.probe (id int primary key, note varchar(5) not null,"
                + " size int constraint probe_size_positive check (size > 0))");
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(database.url());
        source.setUser(TestServers.postgres().username());
        source.setPassword(TestServers.postgres().password());
        dsl = PostgresDsl.create(source, "public");
    }

    @Test
    void should_name_the_column_of_a_null_and_keep_the_cause() {
        InvalidInputException e = refused("insert into public.probe (id, note) values (1, null)");
        assertThat(e.field()).isEqualTo("probe.note");
        assertThat(e.getMessage()).contains("must not be null").contains("23502");
        assertThat((Throwable) PostgresErrors.sqlExceptionIn(e)).isInstanceOf(SQLException.class);
    }

    @Test
    void should_name_the_constraint_of_a_check_and_never_the_value() {
        InvalidInputException e = refused("insert into public.probe (id, note, size) values (2, 'ok', -987654)");
        assertThat(e.field()).isEqualTo("probe_size_positive");
        assertThat(e.getMessage()).contains("23514").doesNotContain("987654");
    }

    @Test
    void should_say_a_value_is_too_long_without_repeating_it() {
        InvalidInputException e = refused("insert into public.probe (id, note) values (3, 'secret-ish text')");
        assertThat(e.getMessage()).contains("too long").doesNotContain("secret-ish");
        assertThat(e.getCause()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void should_report_a_duplicate_key_as_a_conflict() {
        dsl.execute("insert into public.probe (id, note) values (4, 'a')");
        AgentStoreException e = translated("insert into public.probe (id, note) values (4, 'b')");
        assertThat(e).isInstanceOf(ConflictException.class).hasMessageContaining("probe_pkey");
        assertThat(PostgresErrors.violates(e, "probe_pkey")).isTrue();
    }

    private static InvalidInputException refused(String sql) {
        AgentStoreException e = translated(sql);
        assertThat(e).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) e;
    }

    private static AgentStoreException translated(String sql) {
        Throwable thrown = catchThrowable(() -> dsl.execute(DSL.sql(sql)));
        assertThat(thrown).isInstanceOf(DataAccessException.class);
        return PostgresErrors.translate((DataAccessException) thrown);
    }
}

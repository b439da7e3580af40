package dev.agentstore.postgres.spi;

import java.sql.Connection;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The jOOQ context for a pool: PostgreSQL dialect, the generated schema mapped to the configured one. */
public final class PostgresDsl {
    private PostgresDsl() {}

    /** A context over {@code dataSource} that renders the generated schema as {@code schema}. */
    public static DSLContext create(DataSource dataSource, String schema) {
        return create(dataSource, PostgresMigrations.GENERATED_SCHEMA, schema);
    }

    /** A context over {@code dataSource} that renders the generated schema {@code generated} as {@code schema}. */
    public static DSLContext create(DataSource dataSource, String generated, String schema) {
        return DSL.using(dataSource, SQLDialect.POSTGRES, settings(generated, schema));
    }

    /** A context over one connection (for work in a transaction of its own), rendering as {@link #create} does. */
    public static DSLContext create(Connection connection, String schema) {
        return DSL.using(connection, SQLDialect.POSTGRES, settings(PostgresMigrations.GENERATED_SCHEMA, schema));
    }

    private static Settings settings(String generated, String schema) {
        return new Settings()
                .withExecuteLogging(false)
                .withRenderMapping(new RenderMapping()
                        .withSchemata(new MappedSchema().withInput(generated).withOutput(schema)));
    }
}

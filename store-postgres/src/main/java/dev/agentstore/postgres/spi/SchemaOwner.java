package dev.agentstore.postgres.spi;

import dev.agentstore.StoreConfig;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections as the role that owns agentstore's schema, for migrations and the few DDL statements the
 * runtime role may not run (vector-pgvector's per-collection partitions and indexes): {@code
 * postgres.migration-user} when set, else the runtime user {@code postgres.user}, which then owns the schema.
 * Unpooled: DDL is rare.
 */
public final class SchemaOwner {
    private SchemaOwner() {}

    /** Whether a separate migration user is configured (so the runtime user needs grants). */
    public static boolean isSeparate(StoreConfig config) {
        return config.get("postgres.migration-user") != null;
    }

    /** A data source connecting as the schema owner. */
    public static DataSource dataSource(StoreConfig config) {
        boolean separate = isSeparate(config);
        String user = separate ? config.get("postgres.migration-user") : config.get("postgres.user");
        String password = separate ? config.get("postgres.migration-password") : config.get("postgres.password");
        DriverLogging.confine(config);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.postgresUrl());
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }
}

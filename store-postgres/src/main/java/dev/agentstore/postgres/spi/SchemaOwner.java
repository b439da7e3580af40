package dev.agentstore.postgres.spi;

import dev.agentstore.Secret;
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

    /**
     * A data source connecting as the schema owner: the migration user's, else the runtime user's (the
     * application's own pool when it gave one).
     */
    public static DataSource dataSource(PostgresSettings settings) {
        boolean separate = settings.separateMigrator();
        if (!separate && settings.ownDataSource()) {
            return settings.dataSource();
        }
        String user = separate ? settings.migrationUser() : settings.user();
        Secret secret = separate ? settings.migrationPassword() : settings.password();
        String password = secret == null ? null : secret.reveal();
        DriverLogging.confine(settings);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.url());
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }
}
